using System.Text.Json;
using TokenCost.Tests.Cli;

namespace TokenCost.Tests.Validation;

public sealed class MultiFileCasesTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("tokencost-cases-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Validate_RepeatedCases_ReadsBothFiles()
    {
        var (a, b) = Split(12);
        var (code, stdout, stderr) = CliProcess.Run("validate", "--cases", a, "--cases", b, "--json");
        code.Should().Be(0, stderr);
        using var doc = JsonDocument.Parse(stdout);
        doc.RootElement.GetProperty("cases").GetArrayLength().Should().Be(24);
    }

    [Fact]
    public void Calibrate_RepeatedCases_FitsBothFilesTogether()
    {
        var (a, b) = Split(15);
        var output = Path.Combine(_dir, "profiles.json");
        var (code, stdout, stderr) = CliProcess.Run("calibrate", "--cases", a, "--cases", b, "--out", output);
        code.Should().Be(0, stderr);
        stdout.Should().Contain("on 30 cases");
        File.ReadAllText(output).Should().Contain("--cases " + a.Replace('\\', '/') + " --cases " + b.Replace('\\', '/'));
    }

    [Fact]
    public void Validate_SameIdInTwoFiles_FailsNamingTheId()
    {
        var (a, _) = Split(3);
        var (code, _, stderr) = CliProcess.Run("validate", "--cases", a, "--cases", a, "--json");
        code.Should().NotBe(0);
        stderr.Should().Contain("is not unique");
    }

    private (string A, string B) Split(int each)
    {
        var lines = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Validation", "Data", "calibration.jsonl"));
        var a = Path.Combine(_dir, "a.jsonl");
        var b = Path.Combine(_dir, "b.jsonl");
        File.WriteAllLines(a, lines.Take(each));
        File.WriteAllLines(b, lines.Skip(each).Take(each));
        return (a, b);
    }
}
