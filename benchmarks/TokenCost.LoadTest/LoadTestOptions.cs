using System.Globalization;

namespace TokenCost.LoadTest;

/// <summary>The load test's bounded settings: clients, seconds, warm-up and the request body.</summary>
internal sealed record LoadTestOptions
{
    public int Clients { get; init; } = 32;

    public int Seconds { get; init; } = 10;

    public int WarmupSeconds { get; init; } = 2;

    public string Body { get; init; } = """{"model":"llama-3.1-70b","hardware":"nvidia_h100_sxm","devices":2,"weights":"fp8","batch":32,"inputTokens":1000,"outputTokens":300}""";

    /// <summary>Parses <c>--clients N --seconds T --warmup W --body JSON</c>, each bounded (1–512 clients, 1–120 s, 0–30 s).</summary>
    public static LoadTestOptions Parse(string[] args)
    {
        var options = new LoadTestOptions();
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            int Bounded(string name, int min, int max) =>
                int.TryParse(Next(), NumberStyles.None, CultureInfo.InvariantCulture, out var v) && v >= min && v <= max ? v : throw new ArgumentException($"{name} must be an integer from {min} to {max}");
            options = args[i] switch
            {
                "--clients" => options with { Clients = Bounded("--clients", 1, 512) },
                "--seconds" => options with { Seconds = Bounded("--seconds", 1, 120) },
                "--warmup" => options with { WarmupSeconds = Bounded("--warmup", 0, 30) },
                "--body" => options with { Body = Next() },
                _ => throw new ArgumentException($"unknown option {args[i]}; use --clients N --seconds T --warmup W --body JSON"),
            };
        }

        return options;
    }
}
