using System.Text.Json;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using TokenCost.Cli.Infrastructure;
using static TokenCost.Tests.Hostile.HostileProcess;

namespace TokenCost.Tests.Hostile;

/// <summary>
/// Issue 11's classes, each run as a hostile user would (a child process): response files, device files, overflow, I/O failures, −0 and
/// infinity, escapes, impossible layouts, clobbered files, CSV injection, unbounded work, messages and inconsistencies. Every refusal is
/// exit 2 with one line that names the option or the file, and no stack trace.
/// </summary>
public sealed class RoundTwoCliTests : IDisposable
{
    private static readonly string[] InternalNames = ["usd", "factor", "hours", "bytes", "gibibytes", "teraflopsPerSecond", "(Parameter"];
    private readonly string _dir = Directory.CreateTempSubdirectory("tokencost-hostile-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    // 2. Response files are off.
    [Theory]
    [InlineData("@/tmp")]
    [InlineData("@/etc/passwd")]
    [InlineData("@/dev/zero")]
    public void ResponseFiles_AreNotExpanded(string token)
    {
        var r = Run(null, TimeSpan.FromSeconds(30), "estimate", token);
        ExpectRefusal(r, token);
        r.Stderr.Should().NotContain("root:");
    }

    // 3. Size limits count the bytes actually read: /dev/zero reports a length of 0.
    [Theory]
    [InlineData("predict")]
    [InlineData("validate")]
    [InlineData("calibrate")]
    public void CasesFromDevZero_StopAtTheLimit(string command)
    {
        string[] args = command == "calibrate" ? [command, "--cases", "/dev/zero", "--out", Path.Combine(_dir, "p.json")] : [command, "--cases", "/dev/zero"];
        var r = Run(null, TimeSpan.FromSeconds(60), args);
        ExpectRefusal(r, "/dev/zero");
    }

    [Fact]
    public void CasesThatAreADirectory_AreRefusedNamingTheFile()
    {
        var r = Run("validate", "--cases", _dir);
        ExpectRefusal(r, _dir);
        r.Stderr.Should().Contain("directory");
    }

    // 4. Integer overflow.
    [Fact]
    public void HugeParallelDegrees_AreRefusedNotDividedByZero() =>
        ExpectRefusal(Run("estimate", "--tp", "65536", "--pp", "65536"), "--tp");

    [Fact]
    public void HugeParallelDegreesInACasesFile_FailOnlyThatLine()
    {
        var cases = HostileProcess.RepositoryFile("tests", "TokenCost.Tests", "Validation", "Data", "calibration.jsonl");
        var lines = File.ReadLines(cases).Take(3).ToList();
        var bad = JsonNode.Parse(lines[1])!.AsObject();
        bad["id"] = "huge-layout";
        bad["tensor_parallel"] = 65536;
        bad["pipeline_parallel"] = 65536;
        var path = Path.Combine(_dir, "cases.jsonl");
        File.WriteAllLines(path, [lines[0], bad.ToJsonString(), lines[2]]);

        var r = Run("predict", "--cases", path);

        r.ExitCode.Should().Be(0, r.Stderr);
        var output = r.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        output.Should().HaveCount(3);
        output[1].Should().Contain("\"error\"").And.Contain("huge-layout");
        output[0].Should().Contain("\"predicted\"");
        output[2].Should().Contain("\"predicted\"");
    }

    [Theory]
    [InlineData("--draft-tokens")]
    [InlineData("--max-draft-tokens")]
    public void HugeDraftLengths_AreRefusedQuickly(string option)
    {
        var r = Run(null, TimeSpan.FromSeconds(30), "speculative", "--draft", "eagle", "--acceptance", "0.7", option, "2147483647");
        ExpectRefusal(r, option);
    }

    [Theory]
    [InlineData("\"devices\": 2147483640, \"tensorParallel\": 8", "\"requestsPerDay\": 1000")]
    [InlineData("\"devices\": 1", "\"requestsPerDay\": 2e18")]
    public void ScenarioCountsThatWouldOverflow_AreRefused(string devices, string requests)
    {
        var path = Path.Combine(_dir, "scenario.json");
        File.WriteAllText(path, "{ \"deployment\": { \"model\": \"llama-3.1-8b\", \"hardware\": \"nvidia_h100_sxm\", " + devices + ", \"weights\": \"fp8\", \"batch\": 8 }, \"workload\": { " + requests + " } }");
        var r = Run("scenario", "--file", path, "--json");
        ExpectRefusal(r, "--file");
        r.Stdout.Should().NotContain("\"devices\": -");
    }

    [Fact]
    public void ScenarioWithAHugeButPriceableVolume_PrintsNoNegativeQuantity()
    {
        var path = Path.Combine(_dir, "scenario.json");
        File.WriteAllText(path, "{ \"deployment\": { \"model\": \"llama-3.1-8b\", \"hardware\": \"nvidia_h100_sxm\", \"devices\": 1, \"weights\": \"fp8\", \"batch\": 8 }, \"workload\": { \"requestsPerDay\": 2e13 } }");
        var r = Run("scenario", "--file", path, "--json");
        r.ExitCode.Should().Be(0, r.Stderr);
        using var doc = JsonDocument.Parse(r.Stdout);
        Numbers(doc.RootElement).Should().OnlyContain(n => n >= 0);
    }

    // 5. I/O failures: exit 2 naming the option.
    [Fact]
    public void ChartToADirectoryOrAFullDevice_IsRefusedNamingOut()
    {
        ExpectRefusal(Run("chart", "roofline", "--out", _dir + "/"), "--out");
        ExpectRefusal(Run("chart", "roofline", "--out", "/dev/full"), "--out");
        ExpectRefusal(Run("chart", "roofline", "--out", Path.Combine(_dir, "missing", "x.svg")), "--out");
        ExpectRefusal(Run("chart", "roofline", "--out", Path.Combine(_dir, "x.png"), "--width", "30000", "--height", "30000"), "--width");
    }

    [Fact]
    public void HugeSampleCounts_AreRefusedNamingSamples() =>
        ExpectRefusal(Run("uncertainty", "--samples", "2147483647"), "--samples");

    [Fact]
    public void ClaimsWithAByteOrderMark_AreRead()
    {
        var path = Path.Combine(_dir, "claims.json");
        File.WriteAllBytes(path, [0xEF, 0xBB, 0xBF, .. File.ReadAllBytes(HostileProcess.RepositoryFile("samples", "seed-article", "claims.json"))]);
        var r = Run("audit", "--claims", path, "--json");
        r.ExitCode.Should().Be(0, r.Stderr);
    }

    [Fact]
    public void ClosedStdout_StopsTheSweep()
    {
        var r = RunAndCloseStdoutAfterOneLine(TimeSpan.FromSeconds(60), "sweep", "--csv", "--hardware", "all", "--model", "all", "--batch", "1,2,4,8,16,32,64,128,256,512", "--input", "128,256,512,1024,2048,4096", "--output", "64,128,256,512,1024");
        r.Stdout.Should().StartWith("model,hardware,");
        r.ExitCode.Should().Be(2);
        r.Stderr.Should().Contain("standard output").And.NotContain("   at ");
    }

    // 6. No −0, Infinity or NaN printed.
    [Fact]
    public void NegativeZeroPrice_PrintsZero()
    {
        var json = Run("estimate", "--price-per-hour", "-0", "--json");
        json.ExitCode.Should().Be(0, json.Stderr);
        json.Stdout.Should().NotContain("-0,").And.NotContain("-0\n").And.NotContain("Infinity").And.NotContain("NaN");
        var table = Run("estimate", "--price-per-hour", "-0");
        table.Stdout.Should().NotContain("$-0").And.NotContain("-0.000");
    }

    [Fact]
    public void SubnormalMeasurement_IsRefusedNotAnInfiniteError()
    {
        var cases = HostileProcess.RepositoryFile("tests", "TokenCost.Tests", "Validation", "Data", "calibration.jsonl");
        var line = JsonNode.Parse(File.ReadLines(cases).First())!.AsObject();
        line["value"] = 5e-324;
        var path = Path.Combine(_dir, "tiny.jsonl");
        File.WriteAllText(path, line.ToJsonString() + "\n");
        var r = Run("validate", "--cases", path);
        ExpectRefusal(r, path + ":1");
        r.Stdout.Should().NotContain("Infinity");
    }

    [Fact]
    public void NegativeClaimedLatency_IsRefusedWithFileAndLine()
    {
        var path = Path.Combine(_dir, "claims.json");
        File.WriteAllText(path, "{\"claims\": [\n{\"id\": \"t\", \"quote\": \"q\", \"kind\": \"latency\", \"model\": \"llama-2-70b\", \"hardware\": \"nvidia_h100_sxm\", \"devices\": 1, \"weights\": \"int4\", \"batch\": 1, \"metric\": \"time_per_output_token_ms\", \"claimed\": -8.2}\n]}");
        ExpectRefusal(Run("audit", "--claims", path), path + ":2");
    }

    // 8. Terminal escapes never reach the terminal, tables or CSV.
    [Fact]
    public void EscapeSequencesInIds_AreNeutralisedEverywhere()
    {
        const string id = "=evil,\"x\"\u001b]0;pwned\u0007\u001b[2J\u009b";
        var catalog = CatalogWithHardware(id);
        var outputs = new[]
        {
            Run("estimate", "--catalog", catalog, "--hardware", id, "--model", "llama-3.1-8b"),
            Run("frontier", "--catalog", catalog, "--hardware", id, "--model", "llama-3.1-8b", "--csv"),
            Run("estimate", "--model", id),
            Run("estimate", "--catalog", catalog, "--hardware", id, "--model", "llama-3.1-8b", "--format", "markdown"),
            Run("estimate", "--catalog", catalog, "--hardware", id, "--model", "llama-3.1-8b", "--format", "html"),
        };
        foreach (var r in outputs)
        {
            (r.Stdout + r.Stderr).Should().NotContain("\u001b").And.NotContain("\u0007").And.NotContain("\u009b");
        }

        outputs[0].ExitCode.Should().Be(0, outputs[0].Stderr);
        outputs[2].ExitCode.Should().Be(2);
    }

    // 9. Physically impossible layouts; a configuration that does not fit is flagged wherever it is priced.
    [Theory]
    [InlineData("3")]
    [InlineData("128")]
    public void TensorParallelThatDoesNotSplitTheHeads_IsRefused(string tp) =>
        ExpectRefusal(Run("estimate", "--model", "llama-2-70b", "--devices", tp, "--tp", tp), "--tp");

    [Fact]
    public void TensorParallelAboveTheKvHeads_IsAcceptedAsReplication()
    {
        // Llama-2-70B: 64 heads, 8 KV heads; TP 16 replicates each KV head twice (vLLM's rule).
        var r = Run("estimate", "--model", "llama-2-70b", "--devices", "16", "--tp", "16", "--json");
        r.ExitCode.Should().Be(0, r.Stderr);
    }

    [Fact]
    public void OptimizeWithAbsurdDeviceCounts_IsRefused() =>
        ExpectRefusal(Run("optimize", "--max-tpot-ms", "50", "--sweep-devices", "2147483647"), "--sweep-devices");

    [Fact]
    public void SpeculativeOnAModelThatDoesNotFit_SaysSo()
    {
        var r = Run("speculative", "--model", "llama-3.1-405b", "--weights", "bf16", "--draft", "eagle", "--acceptance", "0.7", "--max-draft-tokens", "4", "--json");
        r.ExitCode.Should().Be(0, r.Stderr);
        using var doc = JsonDocument.Parse(r.Stdout);
        doc.RootElement.GetProperty("fits").GetBoolean().Should().BeFalse();
        doc.RootElement.GetProperty("warnings").GetArrayLength().Should().BePositive();
    }

    [Fact]
    public void FrontierChartOfAModelThatDoesNotFit_AgreesWithEstimate()
    {
        var svg = Path.Combine(_dir, "f.svg");
        var r = Run("chart", "frontier", "--model", "llama-3.1-405b", "--weights", "bf16", "--out", svg);
        r.ExitCode.Should().Be(0, r.Stderr);
        var text = File.ReadAllText(svg);
        text.Should().Contain("does not fit").And.NotContain("largest that fits: 1)");
    }

    // 10. Atomic writes; an output is never an input.
    [Fact]
    public void OutputEqualToTheCasesFile_IsRefusedAndTheFileKept()
    {
        var path = Path.Combine(_dir, "cases.jsonl");
        File.Copy(HostileProcess.RepositoryFile("tests", "TokenCost.Tests", "Validation", "Data", "calibration.jsonl"), path);
        var before = File.ReadAllBytes(path);
        ExpectRefusal(Run("validate", "--cases", path, "--markdown", path), "--markdown");
        ExpectRefusal(Run("calibrate", "--cases", path, "--out", Path.Combine(_dir, ".", "cases.jsonl")), "--out");
        File.ReadAllBytes(path).Should().Equal(before);
    }

    [Fact]
    public void ConcurrentChartWriters_LeaveOneWholeSvg()
    {
        var svg = Path.Combine(_dir, "same.svg");
        var results = new HostileProcess.Result[6];
        Parallel.For(0, results.Length, new ParallelOptions { MaxDegreeOfParallelism = 6 }, i =>
            results[i] = Run("chart", "roofline", "--out", svg, "--batch", (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)));
        results.Should().OnlyContain(r => r.ExitCode == 0);
        var act = () => XDocument.Load(svg);
        act.Should().NotThrow("every writer renames a whole file into place");
        Directory.GetFiles(_dir, "*.tmp").Should().BeEmpty();
    }

    // 11. CSV: RFC 4180 quoting and formula neutralisation.
    [Fact]
    public void CsvIds_AreQuotedAndNeutralised()
    {
        const string id = "=HYPERLINK(\"x\"),y";
        var r = Run("frontier", "--catalog", CatalogWithHardware(id), "--hardware", id, "--model", "llama-3.1-8b", "--csv");
        r.ExitCode.Should().Be(0, r.Stderr);
        var row = r.Stdout.Split('\n')[1];
        row.Should().StartWith("\"'=HYPERLINK(\"\"x\"\"),y\",1,1,");
    }

    // 12. Unbounded work.
    [Fact]
    public void OptimizeOverAHugeCatalog_IsRefusedBeforeTheWork()
    {
        var h100 = Hardware("nvidia_h100_sxm");
        var entries = new JsonArray();
        for (var i = 0; i < 5_001; i++)
        {
            var e = h100.DeepClone().AsObject();
            e["id"] = "h" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            entries.Add(e);
        }

        var path = Path.Combine(_dir, "huge.json");
        File.WriteAllText(path, new JsonObject { ["hardware"] = entries }.ToJsonString());
        var r = Run(null, TimeSpan.FromSeconds(60), "optimize", "--max-tpot-ms", "50", "--catalog", path);
        ExpectRefusal(r, "--sweep-hardware");
    }

    [Fact]
    public void SweepAndCalibrateSizes_AreBounded()
    {
        ExpectRefusal(Run("sweep", "--count", "9223372036854775807"), "--count");

        var line = JsonNode.Parse(File.ReadLines(HostileProcess.RepositoryFile("tests", "TokenCost.Tests", "Validation", "Data", "calibration.jsonl")).First())!.AsObject();
        var path = Path.Combine(_dir, "many.jsonl");
        File.WriteAllLines(path, Enumerable.Range(0, WorkLimits.MaxCalibrationCases + 1).Select(i =>
        {
            line["id"] = "c" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return line.ToJsonString();
        }));
        var r = Run(null, TimeSpan.FromSeconds(60), "calibrate", "--cases", path, "--out", Path.Combine(_dir, "p.json"));
        ExpectRefusal(r, "--cases"); // checked before any fitting (the 60 s guard above would otherwise fire: a fit of 10,001 cases takes minutes)
    }

    // 13. Messages name the user's options, never internal parameters.
    [Theory]
    [InlineData("--capex", "estimate", "--capex", "1e308")]
    [InlineData("--capex", "estimate", "--capex", "1e15", "--devices", "8", "--tp", "8")]
    [InlineData("--price-per-hour", "estimate", "--price-per-hour", "1e300")]
    [InlineData("--electricity-price", "estimate", "--electricity-price", "1e300")]
    [InlineData("--pue", "estimate", "--pue", "1e300")]
    [InlineData("--input", "estimate", "--input", "2147483647", "--output", "2147483647")]
    [InlineData("--max-tpot-ms", "optimize", "--max-tpot-ms", "1e300")]
    public void Messages_NameTheOption(string option, params string[] args)
    {
        var r = Run(args);
        if (r.ExitCode == 0)
        {
            r.Stdout.Should().NotContain("Infinity").And.NotContain("NaN");
            return;
        }

        ExpectRefusal(r, option);
        foreach (var name in InternalNames)
        {
            r.Stderr.Should().NotContain(" " + name + " ");
        }
    }

    // 14. Inconsistencies.
    [Theory]
    [InlineData("--utilization", "estimate", "--utilization", "0.5")]
    [InlineData("--sweep-weights", "optimize", "--max-tpot-ms", "50", "--sweep-weights", "")]
    [InlineData("--csv", "frontier", "--csv", "--json")]
    public void InconsistentOptions_AreRefused(string named, params string[] args) => ExpectRefusal(Run(args), named);

    [Fact]
    public void DuplicateCatalogIds_AreRefused()
    {
        var h = Hardware("nvidia_h100_sxm");
        var path = Path.Combine(_dir, "dup.json");
        File.WriteAllText(path, new JsonObject { ["hardware"] = new JsonArray(h.DeepClone(), h.DeepClone()) }.ToJsonString());
        var r = Run("estimate", "--catalog", path);
        ExpectRefusal(r, path);
        r.Stderr.Should().Contain("more than once");
    }

    [Fact]
    public void DuplicateCaseIdsInPredict_AreAnErrorLikeInValidate()
    {
        var line = File.ReadLines(HostileProcess.RepositoryFile("tests", "TokenCost.Tests", "Validation", "Data", "calibration.jsonl")).First();
        var path = Path.Combine(_dir, "dup.jsonl");
        File.WriteAllLines(path, [line, line]);
        var predict = Run("predict", "--cases", path);
        predict.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)[1].Should().Contain("\"error\"").And.Contain("not unique");
        ExpectRefusal(Run("validate", "--cases", path), "not unique");
    }

    private static IEnumerable<double> Numbers(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Number => [e.GetDouble()],
        JsonValueKind.Object => e.EnumerateObject().SelectMany(p => Numbers(p.Value)),
        JsonValueKind.Array => e.EnumerateArray().SelectMany(Numbers),
        _ => [],
    };

    private static JsonNode Hardware(string id)
    {
        var all = JsonNode.Parse(File.ReadAllText(HostileProcess.RepositoryFile("src", "TokenCost", "Data", "hardware.json")))!["hardware"]!.AsArray();
        return all.First(h => (string?)h!["id"] == id)!;
    }

    private string CatalogWithHardware(string id)
    {
        var h = Hardware("nvidia_h100_sxm").DeepClone().AsObject();
        h["id"] = id;
        var path = Path.Combine(_dir, "catalog-" + Guid.NewGuid().ToString("N") + ".json");
        File.WriteAllText(path, new JsonObject { ["hardware"] = new JsonArray(h) }.ToJsonString());
        return path;
    }

    private static void ExpectRefusal(HostileProcess.Result r, string named)
    {
        r.ExitCode.Should().Be(ExitCodes.InvalidInput, $"stdout: {r.Stdout} stderr: {r.Stderr}");
        var line = r.Stderr.TrimEnd('\n', '\r');
        line.Should().NotContain("\n", "one line").And.StartWith("tokencost: ").And.Contain(named).And.NotContain("   at ").And.NotContain("unexpected error");
    }
}
