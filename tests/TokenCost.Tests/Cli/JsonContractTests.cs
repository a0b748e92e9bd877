using System.Text.Json;

namespace TokenCost.Tests.Cli;

/// <summary>
/// The JSON contract: docs/json.md is generated from the source-generated contracts (fails when stale), and every command's JSON output is walked
/// key by key against the contracts docs/json.md documents (an undocumented key, a missing one or a value of another type fails).
/// </summary>
public class JsonContractTests
{
    public static TheoryData<int> Commands
    {
        get
        {
            var data = new TheoryData<int>();
            for (var i = 0; i < JsonCommands.All.Count; i++)
            {
                data.Add(i);
            }

            return data;
        }
    }

    [Fact]
    public void JsonDoc_IsGeneratedFromTheContracts()
    {
        var path = JsonContractDocument.DocPath;
        var text = File.ReadAllText(path).ReplaceLineEndings("\n");
        var start = text.IndexOf(JsonContractDocument.Begin, StringComparison.Ordinal);
        var end = text.IndexOf(JsonContractDocument.End, StringComparison.Ordinal);
        start.Should().BeGreaterThanOrEqualTo(0, "docs/json.md holds the generated part between its markers");
        end.Should().BeGreaterThan(start);
        var expected = "\n\n" + JsonContractDocument.Generate() + "\n";
        var actual = text[(start + JsonContractDocument.Begin.Length)..end];
        if (actual != expected && Environment.GetEnvironmentVariable("TOKENCOST_WRITE_JSON_DOC") == "1")
        {
            File.WriteAllText(path, text[..(start + JsonContractDocument.Begin.Length)] + expected + text[end..]);
            return;
        }

        actual.Should().Be(expected, "docs/json.md is stale: run TOKENCOST_WRITE_JSON_DOC=1 dotnet test --filter JsonDoc_IsGeneratedFromTheContracts to regenerate it");
    }

    [Fact]
    public void EveryCommand_PrintsJsonThroughTheContracts_OrPrintsNone()
    {
        var (code, stdout, stderr) = CliProcess.Run("--help");
        code.Should().Be(0, stderr);
        stdout.Should().Contain("tokencost [command] [options]", "the usage line names the tool, not the assembly");
        var commands = stdout.ReplaceLineEndings("\n").Split("Commands:\n")[1].Split('\n')
            .Where(l => l.StartsWith("  ", StringComparison.Ordinal) && l.Length > 2 && l[2] != ' ')
            .Select(l => l.Trim().Split(' ')[0])
            .ToList();
        commands.Should().NotBeEmpty();
        var covered = JsonCommands.All.Select(c => c.Arguments[0]).Concat(JsonCommands.WithoutJson).ToHashSet(StringComparer.Ordinal);
        commands.Should().OnlyContain(c => covered.Contains(c), "every command either prints a documented JSON contract or is listed as printing none");
        JsonCommands.All.Select(c => c.Arguments[0]).Distinct().Should().OnlyContain(c => commands.Contains(c));
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public void CommandJson_MatchesTheDocumentedContract_KeyByKey(int index)
    {
        var command = JsonCommands.All[index];
        var dir = Directory.CreateTempSubdirectory("tokencost-json-");
        try
        {
            var small = Path.Combine(dir.FullName, "cases.jsonl");
            File.WriteAllLines(small, File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Validation", "Data", "calibration.jsonl")).Take(6));
            var args = command.Arguments.Select(a => a.Replace("{SMALL_CASES}", small, StringComparison.Ordinal).Replace("{PROFILES}", Path.Combine(dir.FullName, "profiles.json"), StringComparison.Ordinal)).ToArray();
            var (code, stdout, stderr) = CliProcess.Run(args);
            code.Should().Be(command.ExitCode, stderr);

            var documented = JsonContractDocument.ParseContracts(File.ReadAllText(JsonContractDocument.DocPath).ReplaceLineEndings("\n"));
            var root = JsonContractDocument.Name(command.Root);
            documented.Should().ContainKey(root, "docs/json.md documents the contract of " + string.Join(' ', command.Example));
            var errors = new List<string>();
            var documents = command.Shape == JsonShape.Lines
                ? stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)
                : [stdout];
            documents.Should().NotBeEmpty();
            foreach (var text in documents)
            {
                using var doc = JsonDocument.Parse(text);
                if (command.Shape == JsonShape.Array)
                {
                    doc.RootElement.ValueKind.Should().Be(JsonValueKind.Array);
                    doc.RootElement.GetArrayLength().Should().BePositive("the example prints at least one element to check");
                    foreach (var e in doc.RootElement.EnumerateArray())
                    {
                        CheckObject(e, root, "$[]", documented, errors);
                    }
                }
                else
                {
                    CheckObject(doc.RootElement, root, "$", documented, errors);
                    doc.RootElement.GetProperty("contractVersion").GetInt32().Should().Be(Contracts.ContractVersion.Current, "every top-level object carries the contract version");
                }
            }

            errors.Should().BeEmpty(string.Join(' ', command.Example));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void Walker_FlagsUndocumentedMissingAndMistypedKeys()
    {
        var documented = JsonContractDocument.ParseContracts("### T\n\n| key | type | meaning |\n|---|---|---|\n| `a` | number | A. |\n| `b` | string or null | B. |\n| `c` | array of integer | C. |\n");
        var errors = new List<string>();
        using var good = JsonDocument.Parse("""{"a":1.5,"b":null,"c":[1,2]}""");
        CheckObject(good.RootElement, "T", "$", documented, errors);
        errors.Should().BeEmpty();
        using var bad = JsonDocument.Parse("""{"a":"x","c":[1.5],"d":true}""");
        CheckObject(bad.RootElement, "T", "$", documented, errors);
        errors.Should().HaveCount(4, "a is not a number, c[] is not an integer, d is undocumented and b is missing");
    }

    [Fact]
    public void ContractJson_WritesNoNegativeZero_AndRefusesNaN()
    {
        var point = new Contracts.CostDistributionResponse { Deterministic = -0.0, P10 = 1.5, P50 = -0.0, P90 = 2, Mean = 1 };
        var text = Contracts.ContractJson.Serialize(point, Contracts.TokenCostJsonContext.Default.CostDistributionResponse, indented: false);
        text.Should().Be("""{"deterministic":0,"p10":1.5,"p50":0,"p90":2,"mean":1}""");
        var act = () => Contracts.ContractJson.Serialize(point with { Mean = double.NaN }, Contracts.TokenCostJsonContext.Default.CostDistributionResponse);
        act.Should().Throw<ArgumentException>("the contracts never carry NaN: optional quantities are null instead");
        Contracts.ContractJson.Finite(double.PositiveInfinity).Should().BeNull();
    }

    [Fact]
    public void Out_WritesWhatWouldBePrinted_AndUnsupportedFormatsAreRefused()
    {
        var dir = Directory.CreateTempSubdirectory("tokencost-out-");
        try
        {
            var file = Path.Combine(dir.FullName, "estimate.json");
            var (code, stdout, stderr) = CliProcess.Run("estimate", "--format", "json", "--out", file);
            code.Should().Be(0, stderr);
            stdout.Should().BeEmpty("--out takes the output off standard output");
            using (var doc = JsonDocument.Parse(File.ReadAllText(file)))
            {
                doc.RootElement.GetProperty("contractVersion").GetInt32().Should().Be(Contracts.ContractVersion.Current);
            }

            var (csv, _, csvError) = CliProcess.Run("estimate", "--format", "csv");
            csv.Should().Be(2);
            csvError.Should().Contain("--format").And.Contain("table, json, html, markdown");
            var (both, _, bothError) = CliProcess.Run("curve", "--json", "--format", "csv");
            both.Should().Be(2);
            bothError.Should().Contain("alternatives");
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    private static void CheckObject(JsonElement e, string type, string path, IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> documented, List<string> errors)
    {
        if (e.ValueKind != JsonValueKind.Object)
        {
            errors.Add($"{path}: expected an object ({type}), got {e.ValueKind}");
            return;
        }

        if (!documented.TryGetValue(type, out var keys))
        {
            errors.Add($"{path}: {type} is not documented");
            return;
        }

        foreach (var p in e.EnumerateObject())
        {
            if (!keys.TryGetValue(p.Name, out var text))
            {
                errors.Add($"{path}.{p.Name}: not documented in {type}");
                continue;
            }

            CheckValue(p.Value, text, $"{path}.{p.Name}", documented, errors);
        }

        foreach (var (key, text) in keys)
        {
            if (!e.TryGetProperty(key, out _) && !text.Contains("(absent unless", StringComparison.Ordinal))
            {
                errors.Add($"{path}.{key}: documented in {type} but missing");
            }
        }
    }

    private static void CheckValue(JsonElement v, string text, string path, IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> documented, List<string> errors)
    {
        var cut = text.IndexOf(" (absent unless", StringComparison.Ordinal);
        text = cut >= 0 ? text[..cut] : text;
        var nullable = text.EndsWith(" or null", StringComparison.Ordinal);
        text = nullable ? text[..^" or null".Length] : text;
        if (v.ValueKind == JsonValueKind.Null)
        {
            if (!nullable)
            {
                errors.Add($"{path}: null, documented as {text}");
            }

            return;
        }

        var ok = text switch
        {
            "number" => v.ValueKind == JsonValueKind.Number,
            "integer" => v.ValueKind == JsonValueKind.Number && v.TryGetInt64(out _),
            "string" => v.ValueKind == JsonValueKind.String,
            "boolean" => v.ValueKind is JsonValueKind.True or JsonValueKind.False,
            _ => true,
        };
        if (!ok)
        {
            errors.Add($"{path}: {v.ValueKind} {v.GetRawText()}, documented as {text}");
        }
        else if (text.StartsWith("array of ", StringComparison.Ordinal))
        {
            if (v.ValueKind != JsonValueKind.Array)
            {
                errors.Add($"{path}: {v.ValueKind}, documented as {text}");
                return;
            }

            foreach (var item in v.EnumerateArray())
            {
                CheckValue(item, text["array of ".Length..], path + "[]", documented, errors);
            }
        }
        else if (text.StartsWith("map of ", StringComparison.Ordinal))
        {
            if (v.ValueKind != JsonValueKind.Object)
            {
                errors.Add($"{path}: {v.ValueKind}, documented as {text}");
                return;
            }

            foreach (var item in v.EnumerateObject())
            {
                CheckValue(item.Value, text["map of ".Length..], path + ".*", documented, errors);
            }
        }
        else if (text.StartsWith('['))
        {
            CheckObject(v, text[1..text.IndexOf(']', StringComparison.Ordinal)], path, documented, errors);
        }
        else if (text is not ("number" or "integer" or "string" or "boolean"))
        {
            errors.Add($"{path}: unknown documented type '{text}'");
        }
    }
}
