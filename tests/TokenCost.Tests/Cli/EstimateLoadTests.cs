using System.Text.Json;

namespace TokenCost.Tests.Cli;

public class EstimateLoadTests
{
    private static readonly string[] Deployment = ["estimate", "--model", "llama-3.3-70b", "--hardware", "nvidia_h200_sxm", "--devices", "8", "--weights", "fp8", "--kv-cache", "fp8", "--stack", "vllm", "--input", "1024", "--output", "1024", "--json"];

    [Fact]
    public void EstimateJson_ClosedLoad_AddsTheLoadedKeysAndKeepsTodays()
    {
        var (code, stdout, stderr) = CliProcess.Run([.. Deployment, "--load", "closed", "--concurrency", "64"]);
        code.Should().Be(0, stderr);
        using var doc = JsonDocument.Parse(stdout);
        var root = doc.RootElement;
        foreach (var name in new[] { "costPerMillionOutputTokensUsd", "costPerMillionInputTokensUsd", "totalUsdPerHour", "sustainedOutputTokensPerSecond", "timePerOutputTokenMs", "timeToFirstTokenMs", "bound", "fits", "maxBatch", "memory", "breakdown" })
        {
            root.TryGetProperty(name, out _).Should().BeTrue(name);
        }

        var perUser = root.GetProperty("outputTokensPerSecondPerUser").GetDouble();
        var output = root.GetProperty("sustainedOutputTokensPerSecondPerDevice").GetDouble();
        var total = root.GetProperty("totalTokensPerSecondPerDevice").GetDouble();
        perUser.Should().BeApproximately(1000 / root.GetProperty("timePerOutputTokenMs").GetDouble(), 1e-6);
        total.Should().BeApproximately(2 * output, 1e-6, "1k prompt and 1k output tokens per request");
        var load = root.GetProperty("load");
        load.GetProperty("kind").GetString().Should().Be("closed");
        load.GetProperty("concurrency").GetInt32().Should().Be(64);
        load.GetProperty("requestsPerSecond").ValueKind.Should().Be(JsonValueKind.Null);
        // $/1M total tokens = deployment $/h ÷ total tokens per hour.
        root.GetProperty("costPerMillionTotalTokensUsd").GetDouble().Should().BeApproximately(root.GetProperty("totalUsdPerHour").GetDouble() * 1e6 / (total * 8 * 3600), 1e-9);
    }

    [Fact]
    public void EstimateJson_ClosedLoad_MoreClientsMoreThroughputSlowerUsers()
    {
        static (double PerDevice, double PerUser) At(int clients)
        {
            var (code, stdout, stderr) = CliProcess.Run([.. Deployment, "--load", "closed", "--concurrency", clients.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
            code.Should().Be(0, stderr);
            using var doc = JsonDocument.Parse(stdout);
            return (doc.RootElement.GetProperty("sustainedOutputTokensPerSecondPerDevice").GetDouble(), doc.RootElement.GetProperty("outputTokensPerSecondPerUser").GetDouble());
        }

        var few = At(4);
        var many = At(64);
        many.PerDevice.Should().BeGreaterThan(few.PerDevice * 4);
        many.PerUser.Should().BeLessThan(few.PerUser);
    }

    [Theory]
    [InlineData("closed", null, null, "--concurrency")]
    [InlineData("poisson", null, null, "--rate")]
    [InlineData("burst", null, null, "--load")]
    [InlineData("static", "--concurrency", "8", "--concurrency")]
    [InlineData("poisson", "--rate", "-2", "--rate")]
    public void Estimate_InvalidLoad_ExitsTwoNamingTheOption(string kind, string? option, string? value, string named)
    {
        string[] args = option is null ? ["estimate", "--load", kind] : ["estimate", "--load", kind, option, value!];
        var (code, _, stderr) = CliProcess.Run(args);
        code.Should().Be(2);
        stderr.Should().Contain(named);
    }
}
