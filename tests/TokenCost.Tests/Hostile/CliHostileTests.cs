using System.Text.Json;
using TokenCost.Cli.Infrastructure;

namespace TokenCost.Tests.Hostile;

[CollectionDefinition(nameof(ConsoleCollection), DisableParallelization = true)]
public sealed class ConsoleCollection;

/// <summary>
/// Runs the tokencost entry point in-process with redirected console streams: invalid input must exit 2 with one line
/// naming what is wrong and no stack trace. (The predict/validate cases-file reader is tested by its own suite.)
/// </summary>
[Collection(nameof(ConsoleCollection))]
public class CliHostileTests
{
    private static (int Code, string Out, string Error) Run(params string[] args)
    {
        AppContext.SetSwitch("TokenCost.Cli.CapturedConsole", true);
        var entry = typeof(CommandRunner).Assembly.EntryPoint!;
        var (savedOut, savedError) = (Console.Out, Console.Error);
        using var output = new StringWriter();
        using var error = new StringWriter();
        try
        {
            Console.SetOut(output);
            Console.SetError(error);
            var code = (int)entry.Invoke(null, [args])!;
            return (code, output.ToString(), error.ToString());
        }
        finally
        {
            Console.SetOut(savedOut);
            Console.SetError(savedError);
        }
    }

    [Theory]
    [InlineData("--batch", "0")]
    [InlineData("--batch", "-3")]
    [InlineData("--batch", "1.5")]
    [InlineData("--model", "llama-9-900b")]
    [InlineData("--hardware", "nvidia_h900")]
    [InlineData("--input", "NaN")]
    [InlineData("--input", "-5")]
    [InlineData("--output", "1e9")]
    [InlineData("--price-per-hour", "-1")]
    [InlineData("--price-per-hour", "NaN")]
    [InlineData("--price-per-hour", "Infinity")]
    [InlineData("--devices", "0")]
    [InlineData("--weights", "int3")]
    [InlineData("--pue", "0.5")]
    public void Estimate_InvalidOption_ExitsTwoWithOneLineNamingIt(string option, string value) =>
        ExpectInvalid(["estimate", option, value], option);

    [Theory]
    [InlineData("--batch", "0")]
    [InlineData("--batch", "4,-1")]
    [InlineData("--model", "llama-9-900b")]
    [InlineData("--hardware", "nvidia_h100_sxm,nvidia_h900")]
    [InlineData("--input", "NaN")]
    [InlineData("--price-per-hour", "-1")]
    [InlineData("--devices", "0")]
    [InlineData("--count", "0")]
    [InlineData("--threads", "0")]
    public void Sweep_InvalidOption_ExitsTwoWithOneLineNamingIt(string option, string value) =>
        ExpectInvalid(["sweep", option, value], option);

    [Fact]
    public void HugePrice_IsInvalidInputNotACrash()
    {
        var (code, _, error) = Run("estimate", "--price-per-hour", "1e308", "--devices", "8", "--json");
        code.Should().Be(ExitCodes.InvalidInput, error);
        error.Trim().Should().NotContain("\n").And.NotContain("   at ");
    }

    [Fact]
    public void GarbageCatalogFile_NamesTheFileAndLine()
    {
        var path = Path.Combine(Path.GetTempPath(), "tokencost-cli-" + Guid.NewGuid().ToString("N") + ".json");
        File.WriteAllText(path, "{\n  \"hardware\": [\n    { \"id\": \"x\", \"memoryGb\": \"lots\" }\n  ]\n}\n");
        try
        {
            var (code, _, error) = Run("estimate", "--catalog", path);
            code.Should().Be(ExitCodes.InvalidInput);
            error.Should().Contain(path + ":3:").And.NotContain("   at ");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void SweepCount_PrintsTheMeasuredRate()
    {
        var (code, output, error) = Run("sweep", "--count", "20000", "--json");
        code.Should().Be(0, error);
        using var doc = JsonDocument.Parse(output);
        doc.RootElement.GetProperty("estimates").GetInt64().Should().Be(20000);
        doc.RootElement.GetProperty("seconds").GetDouble().Should().BePositive();
        doc.RootElement.GetProperty("estimatesPerSecond").GetDouble().Should().BeApproximately(20000 / doc.RootElement.GetProperty("seconds").GetDouble(), 1e-6 * 20000 / doc.RootElement.GetProperty("seconds").GetDouble());
    }

    [Fact]
    public void SweepCsv_StreamsOneRowPerConfiguration()
    {
        var (code, output, error) = Run("sweep", "--csv", "--hardware", "nvidia_h100_sxm,amd_mi300x", "--model", "llama-3.1-8b", "--weights", "bf16", "--devices", "1", "--batch", "1,8", "--input", "128", "--output", "16", "--price-per-hour", "2");
        code.Should().Be(0, error);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Should().HaveCount(5);
        lines[0].Should().StartWith("model,hardware,");
        lines[1].Should().StartWith("llama-3.1-8b,nvidia_h100_sxm,1,1,1,bf16,bf16,bf16,unknown,1,128,16,true,");
        lines[4].Should().StartWith("llama-3.1-8b,amd_mi300x,1,1,1,bf16,bf16,bf16,unknown,8,128,16,true,");
    }

    [Fact]
    public void SweepJson_IsAnArrayOfResults()
    {
        var (code, output, error) = Run("sweep", "--json", "--model", "llama-3.1-8b", "--weights", "bf16,int4", "--devices", "1,2", "--batch", "4", "--input", "256", "--output", "64");
        code.Should().Be(0, error);
        using var doc = JsonDocument.Parse(output);
        doc.RootElement.GetArrayLength().Should().Be(4);
        doc.RootElement[0].GetProperty("timeToFirstTokenMs").GetDouble().Should().BePositive();
    }

    private static void ExpectInvalid(string[] args, string option)
    {
        var (code, output, error) = Run(args);
        code.Should().Be(ExitCodes.InvalidInput, $"stderr: {error}");
        output.Should().BeEmpty();
        var line = error.TrimEnd('\n', '\r');
        line.Should().NotContain("\n", "one line").And.StartWith("tokencost: ").And.Contain(option).And.NotContain("   at ");
    }
}
