using System.Text.Json;
using FluentAssertions;
using TokenCost.Catalogs;
using TokenCost.Estimation;
using TokenCost.Serving.Layouts;
using TokenCost.Tests.Cli;
using Xunit;

namespace TokenCost.Tests.Serving.Layouts;

public sealed class LayoutSearchTests
{
    [Fact]
    public void MoeOnATensorParallelReplica_TriesTpEpAndDpAttention()
    {
        var r1 = DeploymentConfiguration.Create(Catalog.Default, "deepseek-r1", "nvidia_b200", "fp8", devices: 8);
        LayoutSearch.Candidates(r1).Select(c => c.LayoutNotation).Should().Equal("TP8", "TP8EP8", "TP8EP8DP");
    }

    [Fact]
    public void DenseModelsAndSingleDevices_KeepTheirLayout()
    {
        LayoutSearch.Candidates(DeploymentConfiguration.Create(Catalog.Default, "llama-3.3-70b", "nvidia_b200", "fp8", devices: 8)).Should().ContainSingle();
        LayoutSearch.Candidates(DeploymentConfiguration.Create(Catalog.Default, "gpt-oss-120b", "nvidia_b200", "fp8", devices: 1)).Should().ContainSingle();
    }

    [Fact]
    public void OptimizeDeepSeekR1_ReportsTheWinningLayoutAndWhy()
    {
        var (code, stdout, stderr) = CliProcess.Run(["optimize", "--model", "deepseek-r1", "--min-user-tokens-per-second", "30", "--sweep-hardware", "nvidia_b200", "--sweep-devices", "8", "--sweep-weights", "fp8", "--input", "1024", "--output", "1024", "--json"]);
        code.Should().Be(0, stderr);
        using var doc = JsonDocument.Parse(stdout);
        var root = doc.RootElement;
        var layout = root.GetProperty("best").GetProperty("layout").GetString();
        layout.Should().BeOneOf("TP8", "TP8EP8", "TP8EP8DP");
        root.GetProperty("layoutReason").GetString().Should().Contain(layout!).And.Contain("KV read");
        root.GetProperty("candidates").EnumerateArray().Select(c => c.GetProperty("layout").GetString()).Distinct().Should().HaveCountGreaterThan(1, "TP, TP×EP and DP-attention were all tried");
    }
}
