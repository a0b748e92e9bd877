using System.CommandLine;
using TokenCost.Charts;
using TokenCost.Cli.Infrastructure;
using TokenCost.Comparisons;
using TokenCost.Costs;
using TokenCost.Estimation;
using TokenCost.Pricing;

namespace TokenCost.Cli.Commands;

/// <summary><c>tokencost chart roofline|frontier|breakdown|compare|curve</c>: draw a chart as SVG or PNG.</summary>
public static class ChartCommand
{
    /// <summary>Gets the platforms compared when <c>--sweep-hardware</c> is not given.</summary>
    public static IReadOnlyList<string> DefaultPlatforms { get; } = ["nvidia_a100_80gb_sxm", "nvidia_h100_sxm", "nvidia_h200_sxm", "nvidia_b200", "amd_mi300x", "google_tpu_v6e"];

    /// <summary>The batches drawn by the breakdown chart, in sequences per replica.</summary>
    private static readonly int[] BreakdownBatches = [1, 4, 16, 64, 256];

    /// <summary>Creates the command.</summary>
    /// <returns>The command.</returns>
    public static Command Create()
    {
        var chart = new Command("chart", "Draw a chart as SVG or PNG (the --out extension picks the format). Same defaults as 'estimate'.\n\nExamples:\n  tokencost chart roofline --out roofline.svg\n  tokencost chart frontier --model llama-3.1-8b --weights fp8 --out frontier.png\n  tokencost chart breakdown --hardware amd_mi300x --out breakdown.svg\n  tokencost chart compare --sweep-hardware nvidia_h100_sxm,nvidia_h200_sxm,amd_mi300x --out compare.svg");
        chart.Subcommands.Add(Sub(
            "roofline",
            "Roofline of one device with the ridge point and prefill/decode operating points at several batches.\n\nExample:\n  tokencost chart roofline --model llama-3.1-8b --weights fp8 --out roofline.svg",
            (options, result, pricing) =>
            {
                var configuration = options.ResolveConfiguration(result, pricing.Catalog);
                return RooflineChart.Create(pricing, configuration, options.ResolveWorkload(result));
            }));
        chart.Subcommands.Add(Sub(
            "frontier",
            "Latency–cost frontier: $ per 1M output tokens against time per output token, batch 1, 2, 4 … up to the largest that fits.\n\nExample:\n  tokencost chart frontier --hardware nvidia_h200_sxm --out frontier.png",
            (options, result, pricing) =>
                FrontierChart.Create(pricing, options.ResolveConfiguration(result, pricing.Catalog), options.ResolveWorkload(result))));
        chart.Subcommands.Add(Sub(
            "breakdown",
            "Cost per 1M output tokens stacked by hardware, energy and serving, at batch 1, 4, 16, 64, 256 (those that fit).\n\nExample:\n  tokencost chart breakdown --capex 25000 --utilization 0.6 --out breakdown.svg",
            (options, result, pricing) =>
            {
                var configuration = options.ResolveConfiguration(result, pricing.Catalog);
                var workload = options.ResolveWorkload(result);
                var contextTokens = Math.Max(1, workload.InputTokens + workload.OutputTokens);
                var batches = BreakdownBatches.Where(b => b == 1 || pricing.Estimator.PlanMemory(configuration, contextTokens, b).Fits).ToArray();
                var reports = Progress.Run("Estimating batches", batches, b => pricing.Price(configuration, workload with { Batch = b }));
                var labels = batches.Select(b => "batch " + b.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
                return CostBreakdownChart.Create(reports, labels, $"Cost breakdown: {configuration.Model.Id} on {configuration.Devices} × {configuration.Hardware.Id} ({configuration.Weights.Id})");
            }));
        var platforms = new Option<string?>("--sweep-hardware", "--platforms") { Description = "Comma-separated hardware ids to compare (default: A100 80GB, H100, H200, B200, MI300X, TPU v6e; --platforms is the old spelling)" };
        var compare = Sub(
            "compare",
            "Cost per 1M output tokens of one model on several platforms, each on the fewest devices (1, 2, 4, 8) where the batch fits.\n\nExample:\n  tokencost chart compare --model llama-3.1-70b --weights fp8 --batch 32 --out compare.svg",
            (options, result, pricing) =>
            {
                var ids = result.GetValue(platforms) is { } text
                    ? text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                    : DefaultPlatforms.ToArray();
                if (ids.Length == 0)
                {
                    throw new CliUsageException($"{OptionValues.Spelling(result, platforms)}: give at least one hardware id.");
                }

                foreach (var id in ids)
                {
                    if (pricing.Catalog.TryGetHardware(id, out var hw))
                    {
                        options.CheckPriceTier(result, hw);
                    }
                }

                var comparison = PlatformComparison.Create(
                    pricing, options.ResolveModelId(result), ids, options.ResolveWorkload(result), result.GetValue(options.Weights)!, result.GetValue(options.Stack)!);
                return PlatformComparisonChart.Create(comparison);
            });
        compare.Options.Add(platforms);
        chart.Subcommands.Add(compare);
        var sweep = new CurveSweepOptions();
        var curve = Sub(
            "curve",
            "Interactivity–throughput curve under continuous batching: output tok/s per user (x) against output tok/s per device (y), one series per hardware, over a closed-loop concurrency sweep (same options as 'curve').\n\nExample:\n  tokencost chart curve --model llama-3.1-70b --weights fp8 --sweep-hardware nvidia_h100_sxm,nvidia_h200_sxm,amd_mi300x --sweep-devices 1,2,4,8 --out curve.svg",
            (options, result, pricing) => CurveChart.Create(sweep.Run(result, options, pricing).Curve));
        sweep.AddTo(curve);
        chart.Subcommands.Add(curve);
        return chart;
    }

    private static Command Sub(string name, string description, Func<DeploymentOptions, ParseResult, PricingContext, Chart> draw)
    {
        var options = new DeploymentOptions();
        var output = new Option<string>("--out") { Description = "Output file: .svg or .png", Required = true };
        var width = new Option<int>("--width") { Description = "Image width in pixels", DefaultValueFactory = _ => 900 };
        var height = new Option<int>("--height") { Description = "Image height in pixels", DefaultValueFactory = _ => 560 };
        var command = new Command(name, description);
        options.AddTo(command);
        command.Options.Add(output);
        command.Options.Add(width);
        command.Options.Add(height);
        command.SetAction(result => CommandRunner.Run(() =>
        {
            var path = result.GetValue(output)!;
            var extension = Path.GetExtension(path).ToUpperInvariant();
            if (extension is not (".SVG" or ".PNG"))
            {
                throw new CliUsageException($"--out must end in .svg or .png; got '{path}'.");
            }

            var w = OptionValues.PositiveInt(result, width);
            var h = OptionValues.PositiveInt(result, height);
            ChartOutput.CheckSize(w, h);
            var inputs = new[] { ("--catalog", result.GetValue(options.CatalogFile)), ("--profiles", result.GetValue(options.ProfilesFile)) };
            OutputFile.Check("--out", path, inputs);
            var drawn = draw(options, result, options.ResolveContext(result));
            ChartOutput.Save(drawn, path, w, h, inputs);
            Console.Error.WriteLine($"wrote {path}");
            return ExitCodes.Success;
        }));
        return command;
    }
}
