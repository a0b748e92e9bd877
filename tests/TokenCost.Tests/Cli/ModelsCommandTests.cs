using System.Text.Json;

namespace TokenCost.Tests.Cli;

/// <summary><c>tokencost models --from-config</c>, <c>--model-config</c> and <c>--expert-weights</c>.</summary>
public class ModelsCommandTests
{
    private static string Config(string id) => Path.Combine(AppContext.BaseDirectory, "Models", "Configs", id + ".json");

    [Fact]
    public void ModelsJson_ListsEveryModernId()
    {
        var (code, stdout, _) = CliProcess.Run("models", "--json");
        code.Should().Be(0);
        using var doc = JsonDocument.Parse(stdout);
        var ids = doc.RootElement.EnumerateArray().Select(e => e.GetProperty("id").GetString()).ToList();
        ids.Should().Contain(["deepseek-r1", "deepseek-v3", "gpt-oss-120b", "gpt-oss-20b", "llama-4-scout-17b-16e", "llama-4-maverick-17b-128e", "kimi-k2", "qwen3-32b", "gemma-3-27b"]);
    }

    [Fact]
    public void FromConfig_Json_GivesParameterCountsAndLatentKv()
    {
        var (code, stdout, stderr) = CliProcess.Run("models", "--from-config", Config("deepseek-r1"), "--json");
        code.Should().Be(0, stderr);
        using var doc = JsonDocument.Parse(stdout);
        var root = doc.RootElement;
        root.GetProperty("totalParametersBillions").GetDouble().Should().BeApproximately(671.026, 6.7);
        root.GetProperty("activeParametersBillions").GetDouble().Should().BeApproximately(37.552, 0.38);
        root.GetProperty("kvCacheValuesPerTokenPerLayer").GetDouble().Should().Be(576);
        root.GetProperty("kvCacheValuesPerToken").GetDouble().Should().Be(576 * 61);
    }

    [Fact]
    public void FromConfig_UnknownFamily_FailsNamingFileAndKey()
    {
        var path = Path.Combine(Path.GetTempPath(), "tokencost-falcon-" + Guid.NewGuid().ToString("N") + ".json");
        File.WriteAllText(path, """{"model_type": "falcon"}""");
        try
        {
            var (code, _, stderr) = CliProcess.Run("models", "--from-config", path);
            code.Should().NotBe(0);
            stderr.Should().Contain("model_type").And.Contain(Path.GetFileName(path));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Estimate_WithModelConfig_Runs()
    {
        var (code, stdout, stderr) = CliProcess.Run("estimate", "--model-config", Config("kimi-k2"), "--hardware", "nvidia_b200", "--devices", "8", "--weights", "fp8", "--json");
        code.Should().Be(0, stderr);
        using var doc = JsonDocument.Parse(stdout);
        doc.RootElement.GetProperty("timePerOutputTokenMs").GetDouble().Should().BeGreaterThan(0);
    }

    [Fact]
    public void Estimate_ModelAndModelConfig_AreAlternatives()
    {
        var (code, _, stderr) = CliProcess.Run("estimate", "--model", "llama-2-7b", "--model-config", Config("kimi-k2"));
        code.Should().NotBe(0);
        stderr.Should().Contain("--model-config");
    }

    [Fact]
    public void Sweep_WithModelConfig_SweepsThatModel()
    {
        var (code, stdout, stderr) = CliProcess.Run("sweep", "--model-config", Config("gpt-oss-20b"), "--weights", "bf16", "--devices", "1", "--batch", "1", "--input", "128", "--output", "16", "--csv");
        code.Should().Be(0, stderr);
        stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).Should().OnlyContain(line => line.StartsWith("gpt-oss-20b,", StringComparison.Ordinal));
    }

    [Fact]
    public void Speculative_MtpDraft_UsesTheModelsOwnModule()
    {
        var (code, stdout, stderr) = CliProcess.Run("speculative", "--model", "deepseek-r1", "--hardware", "nvidia_h200_sxm", "--devices", "8", "--weights", "fp8", "--draft", "mtp", "--acceptance", "0.85", "--draft-tokens", "1", "--batch", "4", "--json");
        code.Should().Be(0, stderr);
        using var doc = JsonDocument.Parse(stdout);
        doc.RootElement.GetProperty("draft").GetString().Should().Be("deepseek-r1+mtp");
        doc.RootElement.GetProperty("expectedTokensPerStep").GetDouble().Should().BeApproximately(1.85, 1e-9);
        var (noMtp, _, err) = CliProcess.Run("speculative", "--model", "kimi-k2", "--hardware", "nvidia_b200", "--devices", "8", "--weights", "fp8", "--draft", "mtp", "--acceptance", "0.85");
        noMtp.Should().NotBe(0);
        err.Should().Contain("multi-token-prediction");
    }
}
