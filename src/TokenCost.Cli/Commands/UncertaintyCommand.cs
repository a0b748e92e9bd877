using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using TokenCost.Cli.Infrastructure;
using TokenCost.Contracts;
using TokenCost.Costs;
using TokenCost.Economics.Uncertainty;
using TokenCost.Estimation;
using TokenCost.Pricing;

namespace TokenCost.Cli.Commands;

/// <summary><c>tokencost uncertainty</c>: Monte Carlo P10/P50/P90 of $/1M output tokens and a tornado table of the inputs.</summary>
public static class UncertaintyCommand
{
    /// <summary>Creates the command.</summary>
    /// <returns>The command.</returns>
    public static Command Create()
    {
        var options = new DeploymentOptions();
        var samples = new Option<int>("--samples") { Description = "Monte Carlo samples (≥ 10)", DefaultValueFactory = _ => 10_000 };
        var seed = new Option<int>("--seed") { Description = "Random seed (same seed, same answer)", DefaultValueFactory = _ => 42 };
        var priceSigma = new Option<double>("--price-sigma") { Description = "Log-space sigma of the price per device-hour", DefaultValueFactory = _ => UncertaintyAssumptions.DefaultPriceSigma };
        var estimatorSigma = new Option<double>("--estimator-sigma") { Description = "Log-space sigma of the estimator's error on TPOT (default from the 5-fold cross-validated P90 error in docs/ACCURACY.md)", DefaultValueFactory = _ => UncertaintyAssumptions.DefaultEstimatorSigma };
        var electricitySigma = new Option<double>("--electricity-sigma") { Description = "Log-space sigma of the electricity price", DefaultValueFactory = _ => UncertaintyAssumptions.DefaultElectricitySigma };
        var utilization = new Option<string>("--utilization-range") { Description = "Triangular utilisation 'min,mode,max' (fraction of paid hours producing tokens)", DefaultValueFactory = _ => "0.6,0.8,1.0" };
        var output = new OutputOptions(OutputFormat.Table, OutputFormat.Json);
        var command = new Command("uncertainty", "Propagate uncertain inputs (price per hour, utilisation, electricity price, PUE, power, estimator error) to $ per 1M output tokens: Monte Carlo P10/P50/P90 and a tornado table.\n\nExamples:\n  tokencost uncertainty --model llama-3.1-8b --weights fp8 --batch 32 --samples 20000 --seed 7 --json\n  tokencost uncertainty --estimator-sigma 0.15 --utilization-range 0.9,0.95,1");
        options.AddTo(command);
        foreach (var o in new Option[] { samples, seed, priceSigma, estimatorSigma, electricitySigma, utilization })
        {
            command.Options.Add(o);
        }

        output.AddTo(command);
        command.SetAction(result => CommandRunner.Run(() => output.Run(result, format =>
        {
            var pricing = options.ResolveContext(result);
            var catalog = pricing.Catalog;
            var configuration = options.ResolveConfiguration(result, catalog);
            var report = pricing.Price(configuration, options.ResolveWorkload(result));
            var estimate = report.Estimate;
            var n = OptionValues.IntInRange(result, samples, 10, CostUncertainty.MaxSamples);

            var u = (result.GetValue(utilization) ?? "").Split(',', StringSplitOptions.TrimEntries);
            var parsed = u.Select(s => double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : double.NaN).ToArray();
            if (parsed.Length != 3 || parsed.Any(v => !double.IsFinite(v) || v <= 0 || v > 1) || !(parsed[0] <= parsed[1] && parsed[1] <= parsed[2]))
            {
                throw new CliUsageException($"--utilization-range must be 'min,mode,max' with 0 < min ≤ mode ≤ max ≤ 1; got '{result.GetValue(utilization)}'.");
            }

            var assumptions = UncertaintyAssumptions.ForReport(report, catalog.DataCenter, Sigma(result, priceSigma), Sigma(result, estimatorSigma), Sigma(result, electricitySigma))
                with { Utilization = UncertainValue.Triangular(parsed[0], parsed[1], parsed[2]) };
            var answer = CostUncertainty.Analyze(report, catalog.DataCenter.PowerUsageEffectiveness, catalog.DataCenter.ElectricityPrice, assumptions, n, result.GetValue(seed));
            if (format == OutputFormat.Json)
            {
                JsonOutput.Write(
                    new UncertaintyResponse
                    {
                        Model = configuration.Model.Id,
                        Hardware = configuration.Hardware.Id,
                        Batch = estimate.Batch,
                        CostPerMillionOutputTokensUsd = new CostDistributionResponse { Deterministic = answer.Deterministic.Usd, P10 = answer.P10.Usd, P50 = answer.P50.Usd, P90 = answer.P90.Usd, Mean = answer.Mean.Usd },
                        Samples = answer.Samples,
                        Seed = answer.Seed,
                        Sensitivity = answer.Sensitivity.Select(s => new SensitivityResponse
                        {
                            Input = Word(s.Input),
                            Distribution = s.Distribution,
                            InputP10 = s.InputP10,
                            InputP90 = s.InputP90,
                            CostAtP10Usd = s.CostAtP10.Usd,
                            CostAtP90Usd = s.CostAtP90.Usd,
                            SwingUsd = s.SwingUsd,
                        }).ToArray(),
                    },
                    JsonOutput.Contracts.UncertaintyResponse);
            }
            else
            {
                var inv = CultureInfo.InvariantCulture;
                AnsiConsole.MarkupLine(Markup.Escape(string.Create(inv, $"$ per 1M output tokens — deterministic {answer.Deterministic.Usd:F3}; P10 {answer.P10.Usd:F3}, P50 {answer.P50.Usd:F3}, P90 {answer.P90.Usd:F3}, mean {answer.Mean.Usd:F3} ({answer.Samples} samples, seed {answer.Seed})")));
                var table = new Table().Border(TableBorder.Rounded).AddColumn("Input").AddColumn("Distribution").AddColumn(new TableColumn("At P10").RightAligned()).AddColumn(new TableColumn("At P90").RightAligned()).AddColumn(new TableColumn("Swing").RightAligned());
                foreach (var s in answer.Sensitivity)
                {
                    table.AddRow(Markup.Escape(Word(s.Input)), Markup.Escape(s.Distribution), s.CostAtP10.Usd.ToString("F3", inv), s.CostAtP90.Usd.ToString("F3", inv), s.SwingUsd.ToString("F3", inv));
                }

                AnsiConsole.Write(table);
            }

            return ExitCodes.Success;
        }, options.Inputs(result))));
        return command;
    }

    private static double Sigma(ParseResult result, Option<double> option)
    {
        var v = result.GetValue(option);
        return double.IsFinite(v) && v >= 0 ? v : throw new CliUsageException(string.Create(CultureInfo.InvariantCulture, $"{option.Name} must be a finite number ≥ 0; got {v}."));
    }

    /// <summary>The JSON and table word of an uncertain input (camelCase; "pue" for the power usage effectiveness).</summary>
    private static string Word(UncertainInput input) => input switch
    {
        UncertainInput.PricePerDeviceHour => "pricePerDeviceHour",
        UncertainInput.Utilization => "utilization",
        UncertainInput.ElectricityPrice => "electricityPrice",
        UncertainInput.PowerUsageEffectiveness => "pue",
        UncertainInput.PowerFactor => "powerFactor",
        _ => "estimatorError",
    };
}
