using System.Text.Json;

namespace TokenCost.Tests.Cli;

public class LoadCommandTests
{
    [Fact]
    public void LoadJson_PagedFitsMoreAndContinuousServesMore()
    {
        var (code, stdout, stderr) = CliProcess.Run("load", "--model", "llama-3.1-8b", "--weights", "fp8", "--stack", "vllm", "--input", "1000", "--output", "300", "--max-ttft-ms", "1000", "--max-tpot-ms", "20", "--json");
        code.Should().Be(0, stderr);
        using var doc = JsonDocument.Parse(stdout);
        var kv = doc.RootElement.GetProperty("kvAllocation").EnumerateArray().ToList();
        kv[1].GetProperty("concurrentSequences").GetInt32().Should().BeGreaterThan(kv[0].GetProperty("concurrentSequences").GetInt32());
        var policies = doc.RootElement.GetProperty("policies").EnumerateArray().ToList();
        policies[1].GetProperty("capacityRequestsPerSecond").GetDouble().Should().BeGreaterThan(policies[0].GetProperty("capacityRequestsPerSecond").GetDouble());
        policies[1].GetProperty("maxRequestsPerSecondMeetingSlo").GetDouble().Should().BeLessThanOrEqualTo(policies[1].GetProperty("capacityRequestsPerSecond").GetDouble());
    }

    [Fact]
    public void Load_NegativeRate_ExitsTwoNamingTheOption()
    {
        var (code, _, stderr) = CliProcess.Run("load", "--rate", "-1");
        code.Should().Be(2);
        stderr.Should().Contain("--rate");
    }
}
