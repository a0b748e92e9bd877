using System.Text.Json;

namespace TokenCost.Tests.Cli;

public class EstimateCommandTests
{
    [Fact]
    public void EstimateJson_DefaultCase_HasFieldsAndConsistentBreakdown()
    {
        var (code, stdout, _) = CliProcess.Run("estimate", "--json");
        code.Should().Be(0);
        using var doc = JsonDocument.Parse(stdout);
        var root = doc.RootElement;
        foreach (var name in new[] { "costPerMillionOutputTokensUsd", "costPerMillionInputTokensUsd", "totalUsdPerHour", "decodeTokensPerSecond", "timePerOutputTokenMs", "timeToFirstTokenMs", "bound", "fits", "maxBatch", "energyPerOutputTokenJ" })
        {
            root.TryGetProperty(name, out _).Should().BeTrue(name);
        }

        var b = root.GetProperty("breakdown");
        (b.GetProperty("hardwareUsdPerHour").GetDouble() + b.GetProperty("energyUsdPerHour").GetDouble() + b.GetProperty("servingUsdPerHour").GetDouble())
            .Should().BeApproximately(root.GetProperty("totalUsdPerHour").GetDouble(), 1e-9);
        root.GetProperty("bound").GetString().Should().Be("memory");
        root.GetProperty("timePerOutputTokenMs").GetDouble().Should().BeGreaterThan(root.GetProperty("weightReadFloorMs").GetDouble());
        root.GetProperty("weightReadFloorMs").GetDouble().Should().BeApproximately(11.01, 0.01);
    }

    [Fact]
    public void PlatformsJson_ListsAll42WithSources()
    {
        var (code, stdout, _) = CliProcess.Run("platforms", "--json");
        code.Should().Be(0);
        using var doc = JsonDocument.Parse(stdout);
        doc.RootElement.GetArrayLength().Should().Be(42);
        doc.RootElement.EnumerateArray().Should().OnlyContain(e => e.GetProperty("id").GetString()!.Length > 0 && e.GetProperty("source").GetString()!.Length > 0);
    }

    [Theory]
    [InlineData("models")]
    [InlineData("formats")]
    [InlineData("stacks")]
    public void ListingsJson_HaveIdAndSource(string command)
    {
        var (code, stdout, _) = CliProcess.Run(command, "--json");
        code.Should().Be(0);
        using var doc = JsonDocument.Parse(stdout);
        doc.RootElement.EnumerateArray().Select(e => e.TryGetProperty("id", out var _) && e.TryGetProperty("source", out var _)).Should().OnlyContain(ok => ok);
    }

    [Theory]
    [InlineData("--batch", "0", "--batch")]
    [InlineData("--batch", "-3", "--batch")]
    [InlineData("--model", "gpt-9", "--model")]
    [InlineData("--hardware", "tpu_v9", "--hardware")]
    [InlineData("--input", "NaN", "--input")]
    [InlineData("--price-per-hour", "-1", "--price-per-hour")]
    public void Estimate_InvalidInput_ExitsTwoWithOneLineNamingTheOption(string option, string value, string named)
    {
        var (code, _, stderr) = CliProcess.Run("estimate", option, value);
        code.Should().Be(2);
        stderr.Trim().Should().Contain(named);
        stderr.Trim().Split('\n').Should().HaveCount(1);
        stderr.Should().NotContain("   at ");
    }
}
