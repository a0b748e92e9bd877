using TokenCost.Contracts;

namespace TokenCost.Tests.Cli;

/// <summary>What a command prints with <c>--format json</c>.</summary>
internal enum JsonShape
{
    /// <summary>One JSON object.</summary>
    Object,

    /// <summary>A JSON array of objects.</summary>
    Array,

    /// <summary>JSON Lines: one object per line.</summary>
    Lines,
}

/// <summary>One way of running a command with JSON output, and the contract it prints.</summary>
/// <param name="Example">The arguments as docs/json.md shows them (short, without test files).</param>
/// <param name="Arguments">The arguments the walking test runs (small, fast inputs).</param>
/// <param name="Root">The contract type (for arrays and lines: the element type).</param>
/// <param name="Shape">Object, array or lines.</param>
/// <param name="ExitCode">The exit code expected from <paramref name="Arguments"/>.</param>
internal sealed record JsonCommand(string[] Example, string[] Arguments, Type Root, JsonShape Shape, int ExitCode = 0);

/// <summary>Every command of the CLI that prints JSON, and the commands that print none.</summary>
internal static class JsonCommands
{
    /// <summary>The commands that print no JSON: <c>chart</c> draws images to --out, <c>serve</c> runs the service (whose answers are these contracts).</summary>
    public static IReadOnlyList<string> WithoutJson { get; } = ["chart", "serve"];

    public static IReadOnlyList<JsonCommand> All { get; } = Build();

    private static string Data(params string[] parts) => Path.Combine([AppContext.BaseDirectory, .. parts]);

    private static string Sample(params string[] parts) => Path.Combine([JsonContractDocument.RepositoryRoot(), "samples", .. parts]);

    private static List<JsonCommand> Build()
    {
        var cases = Data("Validation", "Data", "calibration.jsonl");
        var config = Data("Models", "Configs", "deepseek-r1.json");
        return
        [
            new(["estimate", "--json"], ["estimate", "--json"], typeof(EstimateResponse), JsonShape.Object),
            new(["estimate", "--load", "closed", "--concurrency", "64", "--json"], ["estimate", "--model", "llama-3.1-8b", "--weights", "fp8", "--load", "closed", "--concurrency", "64", "--json"], typeof(EstimateResponse), JsonShape.Object),
            new(["estimate", "--model", "deepseek-r1", "--hardware", "nvidia_h200_sxm", "--weights", "fp8", "--disagg", "1x8gTP8EP8DP+2x8gTP8EP8", "--load", "closed", "--concurrency", "256", "--json"], ["estimate", "--model", "deepseek-r1", "--hardware", "nvidia_h200_sxm", "--weights", "fp8", "--disagg", "1x8gTP8EP8DP+2x8gTP8EP8", "--load", "closed", "--concurrency", "256", "--json"], typeof(EstimateResponse), JsonShape.Object),
            new(["curve", "--json"], ["curve", "--model", "llama-3.1-8b", "--weights", "fp8", "--concurrency", "1,8,64", "--json"], typeof(CurveResponse), JsonShape.Object),
            new(["frontier", "--json"], ["frontier", "--model", "llama-3.1-8b", "--weights", "fp8", "--json"], typeof(FrontierResponse), JsonShape.Object),
            new(["frontier", "--concurrency", "1,8,64", "--json"], ["frontier", "--model", "llama-3.1-8b", "--weights", "fp8", "--concurrency", "1,8,64", "--json"], typeof(LoadFrontierResponse), JsonShape.Object),
            new(["optimize", "--max-tpot-ms", "50", "--json"], ["optimize", "--model", "llama-3.1-8b", "--max-tpot-ms", "50", "--sweep-hardware", "nvidia_h100_sxm,nvidia_l40s", "--sweep-devices", "1,2", "--json"], typeof(OptimizeResponse), JsonShape.Object),
            new(["optimize", "--min-user-tokens-per-second", "50", "--json"], ["optimize", "--model", "llama-3.1-8b", "--min-user-tokens-per-second", "50", "--sweep-hardware", "nvidia_h100_sxm", "--sweep-weights", "fp8", "--concurrency", "1,8,64", "--json"], typeof(LoadOptimizeResponse), JsonShape.Object),
            new(["sweep", "--json"], ["sweep", "--model", "llama-3.1-8b", "--sweep-weights", "fp8", "--sweep-devices", "1", "--batch", "1,8", "--input", "256", "--output", "64", "--json"], typeof(SweepRow), JsonShape.Array),
            new(["sweep", "--count", "1000000", "--json"], ["sweep", "--count", "2000", "--threads", "1", "--json"], typeof(SweepTimingResponse), JsonShape.Object),
            new(["load", "--json"], ["load", "--model", "llama-3.1-8b", "--weights", "fp8", "--max-ttft-ms", "1000", "--max-tpot-ms", "50", "--json"], typeof(LoadAnalysisResponse), JsonShape.Object),
            new(["speculative", "--draft", "eagle", "--acceptance", "0.7", "--json"], ["speculative", "--model", "llama-3.1-70b", "--weights", "fp8", "--devices", "2", "--draft", "eagle", "--acceptance", "0.7", "--json"], typeof(SpeculativeResponse), JsonShape.Object),
            new(["uncertainty", "--json"], ["uncertainty", "--model", "llama-3.1-8b", "--weights", "fp8", "--samples", "200", "--json"], typeof(UncertaintyResponse), JsonShape.Object),
            new(["scenario", "--file", "samples/scenarios/chat-assistant.json", "--json"], ["scenario", "--file", Sample("scenarios", "chat-assistant.json"), "--json"], typeof(ScenarioResponse), JsonShape.Object),
            new(["audit", "--claims", "samples/seed-article/claims.json", "--json"], ["audit", "--claims", Sample("seed-article", "claims.json"), "--json"], typeof(ClaimAuditResponse), JsonShape.Array),
            new(["predict", "--cases", "FILE"], ["predict", "--cases", cases], typeof(CasePredictionLine), JsonShape.Lines),
            new(["validate", "--cases", "FILE", "--json"], ["validate", "--cases", cases, "--json"], typeof(ValidationResponse), JsonShape.Object),
            new(["calibrate", "--cases", "FILE", "--out", "profiles.json", "--json"], ["calibrate", "--cases", "{SMALL_CASES}", "--out", "{PROFILES}", "--json"], typeof(CalibrationResponse), JsonShape.Object),
            new(["platforms", "--json"], ["platforms", "--json"], typeof(HardwareEntry), JsonShape.Array),
            new(["price-tiers", "--json"], ["price-tiers", "--json"], typeof(PriceTierEntry), JsonShape.Array),
            new(["models", "--json"], ["models", "--json"], typeof(ModelEntry), JsonShape.Array),
            new(["models", "--from-config", "config.json", "--json"], ["models", "--from-config", config, "--json"], typeof(ModelEntry), JsonShape.Object),
            new(["formats", "--json"], ["formats", "--json"], typeof(FormatEntry), JsonShape.Array),
            new(["stacks", "--json"], ["stacks", "--json"], typeof(StackEntry), JsonShape.Array),
        ];
    }
}
