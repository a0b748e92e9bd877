using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using TokenCost.Catalogs;
using TokenCost.Cli.Infrastructure;
using TokenCost.Contracts;
using TokenCost.Hardware;
using TokenCost.Models;

namespace TokenCost.Cli.Commands;

/// <summary><c>tokencost platforms|models|formats|stacks|price-tiers</c>: list the catalogs with their sources.</summary>
public static class CatalogCommands
{
    /// <summary>Creates the listing commands.</summary>
    /// <returns>The commands.</returns>
    public static IEnumerable<Command> Create()
    {
        yield return Listing("platforms", "List hardware platforms with memory, bandwidth, dense peaks, TDP, prices (catalog cloud price and dated price tiers) and sources.", c => ContractJson.Serialize(ResponseMapper.Hardware(c), JsonOutput.Contracts.IReadOnlyListHardwareEntry), TablePlatforms);
        yield return Listing("models", "List model architectures with parameter counts and sources; with --from-config, print one architecture read from a Hugging Face config.json (a JSON object).\n\nExamples:\n  tokencost models --json\n  tokencost models --from-config config.json --json", c => ContractJson.Serialize(ResponseMapper.Models(c), JsonOutput.Contracts.IReadOnlyListModelEntry), TableModels, new Option<string?>("--from-config") { Description = "Print the architecture parsed from a Hugging Face config.json instead of the catalog" });
        yield return Listing("formats", "List numeric formats with bytes per element and compute precision.", c => ContractJson.Serialize(ResponseMapper.Formats(c), JsonOutput.Contracts.IReadOnlyListFormatEntry), TableFormats);
        yield return Listing("stacks", "List serving stacks with their efficiency profiles.", c => ContractJson.Serialize(ResponseMapper.Stacks(c), JsonOutput.Contracts.IReadOnlyListStackEntry), TableStacks);
        yield return Listing("price-tiers", "List every platform's dated rental price tiers (hyperscaler, neocloud, rental_3yr, retail), the values --price-tier takes.", c => ContractJson.Serialize(ResponseMapper.PriceTiers(c), JsonOutput.Contracts.IReadOnlyListPriceTierEntry), TablePriceTiers);
    }

    private static Command Listing(string name, string description, Func<Catalog, string> json, Func<Catalog, Table> table, Option<string?>? fromConfig = null)
    {
        var options = new DeploymentOptions();
        var output = new OutputOptions(OutputFormat.Table, OutputFormat.Json);
        var command = new Command(name, description + "\n--format json prints a JSON array (docs/json.md; each object has 'id' and 'source').");
        command.Options.Add(options.CatalogFile);
        command.Options.Add(options.ProfilesFile);
        if (fromConfig is not null)
        {
            command.Options.Add(fromConfig);
        }

        output.AddTo(command);
        command.SetAction(result => CommandRunner.Run(() => output.Run(
            result,
            format =>
            {
                if (fromConfig is not null && result.GetValue(fromConfig) is { } file)
                {
                    var model = HuggingFaceConfigReader.ReadFile(file);
                    if (format == OutputFormat.Json)
                    {
                        JsonOutput.Write(ResponseMapper.ToResponse(model, alone: true), JsonOutput.Contracts.ModelEntry);
                    }
                    else
                    {
                        AnsiConsole.Write(TableArchitecture(model));
                    }

                    return ExitCodes.Success;
                }

                var catalog = options.ResolveCatalog(result);
                if (format == OutputFormat.Json)
                {
                    Console.Out.WriteLine(json(catalog));
                }
                else
                {
                    AnsiConsole.Write(table(catalog));
                }

                return ExitCodes.Success;
            },
            [.. options.Inputs(result), ("--from-config", fromConfig is null ? null : result.GetValue(fromConfig))])));
        return command;
    }

    private static Table TableArchitecture(ModelArchitecture m)
    {
        var inv = CultureInfo.InvariantCulture;
        var t = new Table().Border(TableBorder.Simple).AddColumns("field", "value");
        void Row(string k, string v) => t.AddRow(Markup.Escape(k), Markup.Escape(v));
        Row("id", m.Id);
        Row("total parameters", string.Create(inv, $"{m.TotalParameters / 1e9:F3} B"));
        Row("active parameters per token", string.Create(inv, $"{m.ActiveParametersPerToken / 1e9:F3} B ({(m.ActiveParametersPerToken - m.EmbeddingParameters) / 1e9:F3} B without the embedding lookup)"));
        Row("layers", string.Create(inv, $"{m.Layers} ({m.DenseFeedForwardLayers} dense FFN, {m.MoeLayers} MoE)"));
        Row("hidden / heads / kv heads / head dim", string.Create(inv, $"{m.HiddenSize} / {m.AttentionHeads:G4} / {m.KeyValueHeads:G4} / {m.HeadDimension}"));
        Row("attention", m.IsLatentAttention
            ? string.Create(inv, $"mla (kv_lora_rank {m.KvLowRank}, rope {m.RopeHeadDimension}, q_lora_rank {m.QueryLowRank}, v {m.ValueHeadDimension})")
            : m.Attention.ToString().ToLowerInvariant());
        Row("experts", m.IsMixtureOfExperts ? string.Create(inv, $"{m.ExpertsPerToken} of {m.Experts} routed + {m.SharedExperts} shared, width {m.ExpertIntermediateSize}") : "–");
        Row("sliding window", m.SlidingWindowLayers > 0 ? string.Create(inv, $"{m.SlidingWindow} tokens on {m.SlidingWindowLayers} of {m.Layers} layers") : "–");
        Row("MTP modules", m.MultiTokenPredictionLayers.ToString(inv));
        Row("KV-cache values per token", string.Create(inv, $"{m.KvElementsPerTokenPerLayer:G6} per layer, {m.KvElementsPerToken:G8} over all layers (windowed layers stop growing at the window)"));
        Row("source", m.Source);
        return t;
    }

    private static string LatestTiers(HardwarePlatform h)
    {
        var latest = h.PriceTiers.Count == 0 ? default : h.PriceTiers.Max(t => t.AsOf);
        return h.PriceTiers.Count == 0
            ? "–"
            : string.Join(" ", h.PriceTiers.Where(t => t.AsOf == latest).Select(t => string.Create(CultureInfo.InvariantCulture, $"{t.Name} {t.PricePerDeviceHour.UsdPerHour:F2}")))
              + latest.ToString(" (yyyy-MM)", CultureInfo.InvariantCulture);
    }

    private static Table TablePlatforms(Catalog catalog)
    {
        var t = new Table().Border(TableBorder.Simple).AddColumns("id", "memory", "bandwidth", "bf16 dense", "fp8 dense", "TDP", "$/GPU-h", "price tiers $/GPU-h", "est.");
        foreach (var h in catalog.Hardware)
        {
            t.AddRow(
                Markup.Escape(h.Id),
                h.ListedMemoryGigabytes.ToString("G4", CultureInfo.InvariantCulture) + " GB",
                h.MemoryBandwidth.ToString(),
                h.PeakFor(ComputePrecision.Bf16)?.ToString() ?? "–",
                h.PeakFor(ComputePrecision.Fp8)?.ToString() ?? "–",
                h.ThermalDesignPower?.ToString() ?? "–",
                h.CloudPricePerDeviceHour?.UsdPerHour.ToString("F2", CultureInfo.InvariantCulture) ?? "–",
                Markup.Escape(LatestTiers(h)),
                h.IsEstimate ? "yes" : "");
        }

        return t;
    }

    private static Table TableModels(Catalog catalog)
    {
        var t = new Table().Border(TableBorder.Simple).AddColumns("id", "params (B)", "active (B)", "layers", "hidden", "heads/kv", "experts");
        foreach (var m in catalog.Models)
        {
            t.AddRow(
                Markup.Escape(m.Id),
                m.ListedParametersBillions.ToString("G5", CultureInfo.InvariantCulture),
                (m.ActiveParametersPerToken / 1e9).ToString("F2", CultureInfo.InvariantCulture),
                m.Layers.ToString(CultureInfo.InvariantCulture),
                m.HiddenSize.ToString(CultureInfo.InvariantCulture),
                string.Create(CultureInfo.InvariantCulture, $"{m.AttentionHeads:G4}/{m.KeyValueHeads:G4}"),
                m.IsMixtureOfExperts ? string.Create(CultureInfo.InvariantCulture, $"{m.ExpertsPerToken} of {m.Experts}") : "–");
        }

        return t;
    }

    private static Table TableFormats(Catalog catalog)
    {
        var t = new Table().Border(TableBorder.Simple).AddColumns("id", "bytes/element", "compute", "weight-only", "description");
        foreach (var f in catalog.Formats)
        {
            t.AddRow(Markup.Escape(f.Id), f.BytesPerElement.ToString("G5", CultureInfo.InvariantCulture), f.ComputePrecision.ToString().ToLowerInvariant(), f.WeightOnly ? "yes" : "", Markup.Escape(f.Description));
        }

        return t;
    }

    private static Table TableStacks(Catalog catalog)
    {
        var t = new Table().Border(TableBorder.Simple).AddColumns("id", "bandwidth eff.", "compute eff.", "layer overhead", "step overhead", "max batch");
        foreach (var s in catalog.Stacks)
        {
            var p = catalog.Profiles.Stacks.TryGetValue(s.Id, out var own) ? own : catalog.Profiles.Defaults;
            t.AddRow(
                Markup.Escape(s.Id),
                p.BandwidthEfficiency.ToString("F3", CultureInfo.InvariantCulture),
                p.ComputeEfficiency.ToString("F3", CultureInfo.InvariantCulture),
                p.LayerOverhead.ToString(),
                p.StepOverhead.ToString(),
                p.MaxBatch.ToString(CultureInfo.InvariantCulture));
        }

        return t;
    }

    private static Table TablePriceTiers(Catalog catalog)
    {
        var t = new Table().Border(TableBorder.Simple).AddColumns("hardware", "tier", "as of", "$/GPU-h", "all-in kW/GPU", "power basis", "est.");
        foreach (var p in catalog.PriceTiers)
        {
            t.AddRow(
                Markup.Escape(p.HardwareId),
                Markup.Escape(p.Name),
                p.AsOf.ToString("yyyy-MM", CultureInfo.InvariantCulture),
                p.PricePerDeviceHour.UsdPerHour.ToString("F2", CultureInfo.InvariantCulture),
                p.AllInPowerPerDevice.Kilowatts.ToString("F2", CultureInfo.InvariantCulture),
                p.PowerBasis == AllInPowerBasis.ProvisionedUtility ? "provisioned_utility" : "it_all_in",
                p.IsEstimate ? "yes" : "");
        }

        return t;
    }
}
