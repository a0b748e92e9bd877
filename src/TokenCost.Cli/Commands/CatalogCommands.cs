using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Spectre.Console;
using TokenCost.Catalogs;
using TokenCost.Cli.Infrastructure;
using TokenCost.Hardware;
using TokenCost.Models;

namespace TokenCost.Cli.Commands;

/// <summary><c>tokencost platforms|models|formats|stacks</c>: list the catalogs with their sources.</summary>
public static class CatalogCommands
{
    /// <summary>Creates the four listing commands.</summary>
    /// <returns>The commands.</returns>
    public static IEnumerable<Command> Create()
    {
        yield return Listing("platforms", "List hardware platforms with memory, bandwidth, dense peaks, TDP, prices (catalog cloud price and dated price tiers) and sources.", WritePlatforms, TablePlatforms);
        yield return WithFromConfig(Listing("models", "List model architectures with parameter counts and sources.\n\nExamples:\n  tokencost models --json\n  tokencost models --from-config config.json --json", WriteModels, TableModels));
        yield return Listing("formats", "List numeric formats with bytes per element and compute precision.", WriteFormats, TableFormats);
        yield return Listing("stacks", "List serving stacks with their efficiency profiles.", WriteStacks, TableStacks);
    }

    private static Command Listing(string name, string description, Action<Utf8JsonWriter, Catalog> json, Func<Catalog, Table> table)
    {
        var asJson = new Option<bool>("--json") { Description = "Print a JSON array (each object has 'id' and 'source')" };
        var catalogFile = new Option<string?>("--catalog") { Description = "JSON file adding or replacing catalog entries" };
        var command = new Command(name, description) { asJson, catalogFile };
        command.SetAction(result => CommandRunner.Run(() =>
        {
            var catalog = result.GetValue(catalogFile) is { } file ? Catalog.Default.WithOverrides(file) : Catalog.Default;
            if (result.GetValue(asJson))
            {
                JsonOutput.Write(w => json(w, catalog));
            }
            else
            {
                AnsiConsole.Write(table(catalog));
            }

            return ExitCodes.Success;
        }));
        return command;
    }

    /// <summary>Adds <c>--from-config FILE</c> to the models listing: print one architecture read from a Hugging Face config.json.</summary>
    private static Command WithFromConfig(Command listing)
    {
        var fromConfig = new Option<string?>("--from-config") { Description = "Print the architecture parsed from a Hugging Face config.json instead of the catalog" };
        listing.Options.Add(fromConfig);
        var list = listing.Action;
        listing.SetAction(result =>
        {
            if (result.GetValue(fromConfig) is not { } file)
            {
                return list is System.CommandLine.Invocation.SynchronousCommandLineAction sync ? sync.Invoke(result) : ExitCodes.Success;
            }

            return CommandRunner.Run(() =>
            {
                var model = HuggingFaceConfigReader.ReadFile(file);
                var asJson = result.GetValue<bool>("--json");
                if (asJson)
                {
                    JsonOutput.Write(w => WriteArchitecture(w, model));
                }
                else
                {
                    AnsiConsole.Write(TableArchitecture(model));
                }

                return ExitCodes.Success;
            });
        });
        return listing;
    }

    private static void WriteArchitecture(Utf8JsonWriter w, ModelArchitecture m)
    {
        w.WriteStartObject();
        w.WriteString("id", m.Id);
        w.WriteString("name", m.Name);
        w.WriteNumber("totalParametersBillions", m.TotalParameters / 1e9);
        w.WriteNumber("activeParametersBillions", m.ActiveParametersPerToken / 1e9);
        w.WriteNumber("activeParametersWithoutEmbeddingBillions", (m.ActiveParametersPerToken - m.EmbeddingParameters) / 1e9);
        WriteShape(w, m);
        w.WriteString("source", m.Source);
        w.WriteEndObject();
    }

    /// <summary>The shape fields shared by the catalog listing and --from-config, KV values per token included.</summary>
    private static void WriteShape(Utf8JsonWriter w, ModelArchitecture m)
    {
        w.WriteNumber("layers", m.Layers);
        w.WriteNumber("hidden", m.HiddenSize);
        w.WriteNumber("heads", m.AttentionHeads);
        w.WriteNumber("kvHeads", m.KeyValueHeads);
        w.WriteNumber("headDim", m.HeadDimension);
        w.WriteString("attention", m.Attention.ToString().ToLowerInvariant());
        w.WriteNumber("kvLoraRank", m.KvLowRank);
        w.WriteNumber("qLoraRank", m.QueryLowRank);
        w.WriteNumber("qkRopeHeadDim", m.RopeHeadDimension);
        w.WriteNumber("vHeadDim", m.ValueHeadDimension);
        w.WriteNumber("intermediate", m.IntermediateSize);
        w.WriteNumber("experts", m.Experts);
        w.WriteNumber("expertsPerToken", m.ExpertsPerToken);
        w.WriteNumber("sharedExperts", m.SharedExperts);
        w.WriteNumber("moeIntermediate", m.ExpertIntermediateSize);
        w.WriteNumber("denseLayers", m.DenseFeedForwardLayers);
        w.WriteNumber("moeLayers", m.MoeLayers);
        w.WriteNumber("slidingWindow", m.SlidingWindow);
        w.WriteNumber("slidingWindowLayers", m.SlidingWindowLayers);
        w.WriteNumber("mtpLayers", m.MultiTokenPredictionLayers);
        w.WriteNumber("vocab", m.VocabularySize);
        w.WriteBoolean("tiedEmbeddings", m.TiedEmbeddings);
        w.WriteNumber("maxContext", m.MaxContext);
        w.WriteNumber("kvCacheValuesPerTokenPerLayer", m.KvElementsPerTokenPerLayer);
        w.WriteNumber("kvCacheValuesPerToken", m.KvElementsPerToken);
        w.WriteNumber("kvCacheValuesPerTokenAtMaxContext", m.MaxContext > 0 ? m.KvElementsPerTokenPerLayer * m.CachedTokenLayers(m.MaxContext) / m.MaxContext : m.KvElementsPerToken);
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

    private static void WritePlatforms(Utf8JsonWriter w, Catalog catalog)
    {
        w.WriteStartArray();
        foreach (var h in catalog.Hardware)
        {
            w.WriteStartObject();
            w.WriteString("id", h.Id);
            w.WriteString("name", h.Name);
            w.WriteString("vendor", h.Vendor);
            w.WriteNumber("year", h.Year);
            w.WriteString("memoryType", h.MemoryType);
            w.WriteNumber("memoryGb", h.ListedMemoryGigabytes);
            w.WriteNumber("bandwidthTbps", h.MemoryBandwidth.TerabytesPerSecond);
            foreach (var p in Enum.GetValues<ComputePrecision>())
            {
                w.NumberOrNull(p.ToString().ToLowerInvariant() + "Tflops", h.PeakFor(p)?.TeraflopsPerSecond);
            }

            w.NumberOrNull("tdpW", h.ThermalDesignPower?.Watts);
            w.NumberOrNull("interconnectGbps", h.InterconnectBandwidth?.GigabytesPerSecond);
            w.NumberOrNull("purchaseUsd", h.PurchasePrice?.Usd);
            w.NumberOrNull("cloudUsdPerHour", h.CloudPricePerDeviceHour?.UsdPerHour);
            w.WriteString("priceDate", h.PriceDate);
            WritePriceTiers(w, h);
            w.WriteBoolean("estimate", h.IsEstimate);
            w.WriteString("source", h.Sources);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    // Dated rental price tiers (price-tiers.json from shared/data/gpu_prices.csv), most recent first; --price-tier selects one.
    private static void WritePriceTiers(Utf8JsonWriter w, HardwarePlatform h)
    {
        w.WriteStartArray("priceTiers");
        foreach (var tier in h.PriceTiers)
        {
            w.WriteStartObject();
            w.WriteString("id", tier.Id);
            w.WriteString("tier", tier.Name);
            w.WriteString("asOf", tier.AsOf.ToString("yyyy-MM", CultureInfo.InvariantCulture));
            w.WriteNumber("usdPerDeviceHour", tier.PricePerDeviceHour.UsdPerHour);
            w.WriteNumber("allInKwPerDevice", tier.AllInPowerPerDevice.Kilowatts);
            w.WriteString("powerBasis", tier.PowerBasis == AllInPowerBasis.ProvisionedUtility ? "provisioned_utility" : "it_all_in");
            w.WriteBoolean("estimate", tier.IsEstimate);
            w.WriteString("source", tier.Source);
            w.WriteEndObject();
        }

        w.WriteEndArray();
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

    private static void WriteModels(Utf8JsonWriter w, Catalog catalog)
    {
        w.WriteStartArray();
        foreach (var m in catalog.Models)
        {
            w.WriteStartObject();
            w.WriteString("id", m.Id);
            w.WriteString("name", m.Name);
            w.WriteNumber("paramsB", m.ListedParametersBillions);
            w.WriteNumber("computedParamsB", m.TotalParameters / 1e9);
            w.WriteNumber("activeParamsB", m.ActiveParametersPerToken / 1e9);
            w.NumberOrNull("listedActiveParamsB", m.ListedActiveParametersBillions);
            WriteShape(w, m);
            w.WriteString("ffn", m.FeedForward.ToString().ToLowerInvariant());
            w.WriteString("source", m.Source);
            w.WriteEndObject();
        }

        w.WriteEndArray();
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

    private static void WriteFormats(Utf8JsonWriter w, Catalog catalog)
    {
        w.WriteStartArray();
        foreach (var f in catalog.Formats)
        {
            w.WriteStartObject();
            w.WriteString("id", f.Id);
            w.WriteString("description", f.Description);
            w.WriteNumber("bytesPerElement", f.BytesPerElement);
            w.NumberOrNull("groupSize", f.GroupSize);
            w.WriteString("computePrecision", f.ComputePrecision.ToString().ToLowerInvariant());
            w.WriteBoolean("weightOnly", f.WeightOnly);
            w.WriteNumber("embeddingBytesPerElement", f.EmbeddingBytesPerElement);
            w.WriteString("source", f.Source);
            w.WriteEndObject();
        }

        w.WriteEndArray();
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

    private static void WriteStacks(Utf8JsonWriter w, Catalog catalog)
    {
        w.WriteStartArray();
        foreach (var s in catalog.Stacks)
        {
            var p = catalog.Profiles.Stacks.TryGetValue(s.Id, out var own) ? own : catalog.Profiles.Defaults;
            w.WriteStartObject();
            w.WriteString("id", s.Id);
            w.WriteString("description", s.Description);
            w.WriteBoolean("ownProfile", catalog.Profiles.Stacks.ContainsKey(s.Id));
            w.WriteNumber("bandwidthEfficiency", p.BandwidthEfficiency);
            w.WriteNumber("computeEfficiency", p.ComputeEfficiency);
            w.WriteNumber("attentionEfficiency", p.AttentionEfficiency);
            w.WriteNumber("layerOverheadMicroseconds", p.LayerOverhead.Microseconds);
            w.WriteNumber("stepOverheadMilliseconds", p.StepOverhead.Milliseconds);
            w.WriteNumber("maxBatch", p.MaxBatch);
            w.WriteString("source", s.Source);
            w.WriteString("profileSource", catalog.Profiles.Provenance);
            w.WriteEndObject();
        }

        w.WriteEndArray();
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
}
