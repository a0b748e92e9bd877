using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using TokenCost.Cli.Infrastructure;
using TokenCost.Contracts;
using TokenCost.Costs;
using TokenCost.Estimation;
using TokenCost.Pricing;
using TokenCost.Speculative;

namespace TokenCost.Cli.Commands;

/// <summary><c>tokencost speculative</c>: speculative decoding with a draft model or an EAGLE head — tokens per step, speedup, optimal draft length, TPOT and $/token.</summary>
public static class SpeculativeCommand
{
    /// <summary>Creates the command.</summary>
    /// <returns>The command.</returns>
    public static Command Create()
    {
        var options = new DeploymentOptions();
        var draft = new Option<string>("--draft") { Description = "Draft model id, 'eagle' for a one-layer EAGLE head of the target, or 'mtp' for the target's own multi-token-prediction modules (DeepSeek-V3/R1)", Required = true };
        var acceptance = new Option<double>("--acceptance") { Description = "Per-token acceptance rate α in [0, 1]", Required = true };
        var draftTokens = new Option<int?>("--draft-tokens") { Description = "Draft length γ (default: the optimal γ)" };
        var maxDraft = new Option<int>("--max-draft-tokens") { Description = "Largest γ searched for the optimum", DefaultValueFactory = _ => 16 };
        var output = new OutputOptions(OutputFormat.Table, OutputFormat.Json);
        var command = new Command("speculative", "Speculative decoding: expected tokens per step (1 − α^(γ+1)) ÷ (1 − α), step time = γ draft steps + one verification over γ + 1 tokens, optimal γ, TPOT and $ per 1M output tokens.\n\nExamples:\n  tokencost speculative --model llama-3.1-70b --weights fp8 --draft llama-3.2-1b --acceptance 0.7 --json\n  tokencost speculative --model llama-3.1-70b --draft eagle --acceptance 0.8 --draft-tokens 4");
        options.AddTo(command);
        command.Options.Add(draft);
        command.Options.Add(acceptance);
        command.Options.Add(draftTokens);
        command.Options.Add(maxDraft);
        output.AddTo(command);
        command.SetAction(result => CommandRunner.Run(() => output.Run(result, format =>
        {
            var pricing = options.ResolveContext(result);
            var catalog = pricing.Catalog;
            var target = options.ResolveConfiguration(result, catalog);
            var workload = options.ResolveWorkload(result);
            var alpha = result.GetValue(acceptance);
            if (!double.IsFinite(alpha) || alpha < 0 || alpha > 1)
            {
                throw new CliUsageException(string.Create(CultureInfo.InvariantCulture, $"--acceptance must be a fraction in [0, 1]; got {alpha}."));
            }

            var maxGamma = OptionValues.IntInRange(result, maxDraft, 1, SpeculativeDecoding.MaxDraftTokens);
            var gamma = OptionValues.IntInRange(result, draftTokens, 1, SpeculativeDecoding.MaxDraftTokens);
            var draftId = result.GetValue(draft)!;
            var draftModel = draftId.Equals("eagle", StringComparison.OrdinalIgnoreCase)
                ? SpeculativeDecoding.EagleHead(target.Model)
                : draftId.Equals("mtp", StringComparison.OrdinalIgnoreCase)
                    ? (target.Model.MultiTokenPredictionLayers > 0 ? SpeculativeDecoding.MultiTokenPredictionHead(target.Model) : throw new CliUsageException($"--draft mtp: model '{target.Model.Id}' ships no multi-token-prediction module; use 'eagle' or a draft model id."))
                    : catalog.TryGetModel(draftId, out var m) ? m : throw new CliUsageException($"--draft: unknown model '{draftId}' (see 'tokencost models', or use 'eagle' or 'mtp').");
            var drafter = target with { Model = draftModel };
            var report = pricing.Price(target, workload);
            var estimate = report.Estimate;
            var context = workload.InputTokens + (workload.OutputTokens / 2.0);
            var best = SpeculativeDecoding.Optimize(pricing, target, drafter, alpha, estimate.Batch, context, maxGamma);
            var chosen = gamma is int g ? SpeculativeDecoding.Estimate(pricing, target, drafter, alpha, g, estimate.Batch, context) : best;
            var sequences = estimate.Batch * target.Replicas;
            var cost = SpeculativeDecoding.CostPerMillionOutputTokens(chosen, report.TotalCostPerHour, sequences);
            if (format == OutputFormat.Json)
            {
                JsonOutput.Write(
                    new SpeculativeResponse
                    {
                        Model = target.Model.Id,
                        Draft = draftModel.Id,
                        Hardware = target.Hardware.Id,
                        Batch = estimate.Batch,
                        AcceptanceRate = alpha,
                        DraftTokens = chosen.DraftTokens,
                        OptimalDraftTokens = best.DraftTokens,
                        ExpectedTokensPerStep = chosen.ExpectedTokensPerStep,
                        Speedup = chosen.Speedup,
                        TimePerOutputTokenMs = chosen.TimePerOutputToken.Milliseconds,
                        BaselineTimePerOutputTokenMs = chosen.BaselineTimePerOutputToken.Milliseconds,
                        DraftStepTimeMs = chosen.DraftStepTime.Milliseconds,
                        VerificationTimeMs = chosen.VerificationTime.Milliseconds,
                        StepTimeMs = chosen.StepTime.Milliseconds,
                        CostPerMillionOutputTokensUsd = cost.Usd,
                        BaselineCostPerMillionOutputTokensUsd = report.CostPerMillionOutputTokens.Usd,
                        Fits = estimate.Memory.Fits,
                        Warnings = estimate.Warnings.ToArray(),
                    },
                    JsonOutput.Contracts.SpeculativeResponse);
            }
            else
            {
                var inv = CultureInfo.InvariantCulture;
                var table = new Table().Border(TableBorder.Rounded).AddColumn("Quantity").AddColumn(new TableColumn("Value").RightAligned());
                void Row(string name, string value) => table.AddRow(Markup.Escape(name), Markup.Escape(value));
                Row("Target / draft", $"{target.Model.Id} / {draftModel.Id} on {target.Devices} × {target.Hardware.Id}, batch {estimate.Batch}");
                Row("Acceptance α, draft length γ (optimal)", string.Create(inv, $"{alpha}, {chosen.DraftTokens} ({best.DraftTokens})"));
                Row("Expected tokens per step", chosen.ExpectedTokensPerStep.ToString("F3", inv));
                Row("Step = γ × draft + verification", $"{chosen.StepTime} = {chosen.DraftTokens} × {chosen.DraftStepTime} + {chosen.VerificationTime}");
                Row("Time per output token (plain → speculative)", $"{chosen.BaselineTimePerOutputToken} → {chosen.TimePerOutputToken}");
                Row("Speedup", chosen.Speedup.ToString("F2", inv) + "×");
                Row("$ per 1M output tokens (plain → speculative)", $"{report.CostPerMillionOutputTokens.ToString("F3", inv)} → {cost.ToString("F3", inv)}");
                AnsiConsole.Write(table);
                ConsoleWarnings.Write(estimate);
            }

            return ExitCodes.Success;
        }, options.Inputs(result))));
        return command;
    }
}
