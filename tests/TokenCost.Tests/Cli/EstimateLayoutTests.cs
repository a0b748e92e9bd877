using System.Text.Json;

namespace TokenCost.Tests.Cli;

public class EstimateLayoutTests
{
    private static readonly string[] R1 = ["estimate", "--model", "deepseek-r1", "--hardware", "nvidia_h200_sxm", "--devices", "8", "--weights", "fp8", "--kv-cache", "fp8", "--input", "1024", "--output", "1024", "--batch", "64", "--json"];

    [Fact]
    public void AttentionDp_HoldsMoreSequencesThanTensorParallel()
    {
        var (code, tp, stderr) = CliProcess.Run(R1);
        code.Should().Be(0, stderr);
        (code, var dp, stderr) = CliProcess.Run([.. R1, "--ep", "8", "--attention-dp"]);
        code.Should().Be(0, stderr);
        using var a = JsonDocument.Parse(tp);
        using var b = JsonDocument.Parse(dp);

        // MLA's latent is replicated on every TP rank but not under DP-attention: about 8× the sequences, less the whole attention weights.
        b.RootElement.GetProperty("maxBatch").GetInt32().Should().BeGreaterThan(5 * a.RootElement.GetProperty("maxBatch").GetInt32());
    }

    [Theory]
    [InlineData("3", "--ep")]
    [InlineData("0", "--ep")]
    [InlineData("x", "--ep")]
    public void InvalidExpertParallel_ExitsTwoNamingTheOption(string value, string named)
    {
        var (code, _, stderr) = CliProcess.Run([.. R1, "--ep", value]);
        code.Should().Be(2);
        stderr.Should().Contain(named);
    }
}
