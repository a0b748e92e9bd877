using System.CommandLine;
using TokenCost.Catalogs;
using TokenCost.Costs;
using TokenCost.Estimation;
using TokenCost.Pricing;
using TokenCost.Quantities;
using TokenCost.Serving;

namespace TokenCost.Cli.Infrastructure;

/// <summary>
/// The options that describe a deployment, a workload and its prices, shared by every command that estimates.
/// Defaults are the seed article's headline case: Llama-2-70B, INT4 weights, one H100 SXM, batch 1, 512 prompt / 256 output tokens.
/// </summary>
public sealed class DeploymentOptions
{
    /// <summary>Gets the model option.</summary>
    public Option<string> Model { get; } = new("--model") { Description = "Model id (see 'tokencost models')", DefaultValueFactory = _ => "llama-2-70b" };

    /// <summary>Gets the model-config option: a Hugging Face config.json to use instead of a catalog model.</summary>
    public Option<string?> ModelConfig { get; } = new("--model-config") { Description = "Hugging Face config.json of the model, instead of --model (the file name is its id)" };

    /// <summary>Gets the expert-weights option: the format of mixture-of-experts expert weights when it differs from --weights.</summary>
    public Option<string?> ExpertWeights { get; } = new("--expert-weights") { Description = "Format id of MoE expert weights when the checkpoint mixes formats (e.g. mxfp4 experts with --weights bf16); default: --weights" };

    /// <summary>Gets the hardware option.</summary>
    public Option<string> Hardware { get; } = new("--hardware") { Description = "Hardware id (see 'tokencost platforms')", DefaultValueFactory = _ => "nvidia_h100_sxm" };

    /// <summary>Gets the devices option.</summary>
    public Option<int> Devices { get; } = new("--devices") { Description = "Number of accelerators", DefaultValueFactory = _ => 1 };

    /// <summary>Gets the tensor-parallel option.</summary>
    public Option<int?> TensorParallel { get; } = new("--tp") { Description = "Tensor-parallel degree (default: devices ÷ pp)" };

    /// <summary>Gets the pipeline-parallel option.</summary>
    public Option<int> PipelineParallel { get; } = new("--pp") { Description = "Pipeline-parallel degree", DefaultValueFactory = _ => 1 };

    /// <summary>Gets the expert-parallel option: devices of a replica the MoE routed experts are split across.</summary>
    public Option<int?> ExpertParallel { get; } = new("--ep") { Description = "Expert-parallel degree for MoE layers: routed experts split over this many devices of a replica (divides --tp; default 1 = experts follow --tp)" };

    /// <summary>Gets the data-parallel attention option.</summary>
    public Option<bool> AttentionDataParallel { get; } = new("--attention-dp") { Description = "Data-parallel attention: each device of a replica holds whole attention weights and its own sequences' KV cache (MoE layers follow --ep)" };

    /// <summary>Gets the disaggregated-deployment option (added only by the commands that price one: estimate, curve, chart curve).</summary>
    public Option<string?> Disaggregation { get; } = new("--disagg") { Description = "Price a disaggregated prefill/decode deployment: two pools, prefill first, each W workers of G devices with its layout, in the case-tag notation WxGg[TPt][EPe][DP]+WxGg[TPt][EPe][DP] (for example 1x8gTP8EP8DP+9x8gTP8EP8: one 8-GPU prefill worker with EP8 and DP attention, nine 8-GPU decode workers with EP8; TP omitted = G). Model, hardware and formats from the other options; replaces --devices/--tp/--pp/--ep/--attention-dp; needs a closed or offline load. estimate prints a table or JSON (devices, cost and rates per device count both pools)" };

    /// <summary>Gets the weight format option.</summary>
    /// <remarks>
    /// The default is int4, where the library's <c>DeploymentConfiguration.Create</c>
    /// defaults to bf16: the CLI's defaults are the seed article's headline case (Llama-2-70B on one H100), whose bf16 weights (about 140 GB)
    /// do not fit one 80 GB device. The help says so.
    /// </remarks>
    public Option<string> Weights { get; } = new("--weights") { Description = "Weight format id (see 'tokencost formats'). Default int4, not the library's bf16: the default case, Llama-2-70B on one H100, only fits in 80 GB at 4 bits", DefaultValueFactory = _ => "int4" };

    /// <summary>Gets the activation format option.</summary>
    public Option<string?> Activations { get; } = new("--activations") { Description = "Activation format id (default: bf16 for weight-only formats, else the weight format)" };

    /// <summary>Gets the KV-cache format option.</summary>
    public Option<string?> KvCache { get; } = new("--kv-cache") { Description = "KV-cache format id (default: bf16)" };

    /// <summary>Gets the serving stack option.</summary>
    public Option<string> Stack { get; } = new("--stack") { Description = "Serving stack id (see 'tokencost stacks')", DefaultValueFactory = _ => "unknown" };

    /// <summary>Gets the batch option.</summary>
    public Option<string> Batch { get; } = new("--batch") { Description = "Sequences per replica, or 'auto' for as many as memory allows", DefaultValueFactory = _ => "1" };

    /// <summary>Gets the input tokens option.</summary>
    public Option<int> Input { get; } = new("--input") { Description = "Prompt tokens per sequence", DefaultValueFactory = _ => 512 };

    /// <summary>Gets the output tokens option.</summary>
    public Option<int> Output { get; } = new("--output") { Description = "Generated tokens per sequence", DefaultValueFactory = _ => 256 };

    /// <summary>Gets the rental price option.</summary>
    public Option<double?> PricePerHour { get; } = new("--price-per-hour") { Description = "Rental price in USD per device-hour (default: the catalog's cloud price)" };

    /// <summary>Gets the price-tier option.</summary>
    public Option<string?> PriceTier { get; } = new("--price-tier") { Description = "Rent at a dated price tier of the hardware (hyperscaler, neocloud, rental_3yr, retail; most recent date, or name@yyyy-MM; see 'tokencost platforms'). Energy stays from the data-centre model" };

    /// <summary>Gets the capex option.</summary>
    public Option<double?> Capex { get; } = new("--capex") { Description = "Purchase price in USD per device: amortise instead of renting" };

    /// <summary>Gets the utilization option.</summary>
    public Option<double?> Utilization { get; } = new("--utilization") { Description = "Fraction of hours purchased hardware does paid work, in (0, 1] (with --capex)" };

    /// <summary>Gets the electricity price option.</summary>
    public Option<double?> ElectricityPrice { get; } = new("--electricity-price") { Description = "USD per kWh (default: catalog data-centre default)" };

    /// <summary>Gets the PUE option.</summary>
    public Option<double?> Pue { get; } = new("--pue") { Description = "Power usage effectiveness, ≥ 1" };

    /// <summary>Gets the catalog overrides option.</summary>
    public Option<string?> CatalogFile { get; } = new("--catalog") { Description = "JSON file adding or replacing catalog entries" };

    /// <summary>Gets the profiles option.</summary>
    public Option<string?> ProfilesFile { get; } = new("--profiles") { Description = "Serving profiles JSON (from 'tokencost calibrate')" };

    /// <summary>Adds every option to a command.</summary>
    /// <param name="command">The command.</param>
    public void AddTo(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        foreach (var option in All())
        {
            command.Options.Add(option);
        }
    }

    /// <summary>Adds the catalog, profile and data-centre options (<c>--catalog</c>, <c>--profiles</c>, <c>--electricity-price</c>, <c>--pue</c>) to a command that takes no deployment options but prices or estimates with the catalog.</summary>
    /// <param name="command">The command.</param>
    public void AddCatalogOptionsTo(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        foreach (var option in new Option[] { CatalogFile, ProfilesFile, ElectricityPrice, Pue })
        {
            command.Options.Add(option);
        }
    }

    /// <summary>Gets the input files named by these options, each with its option (for <c>--out</c>, which must not overwrite them).</summary>
    /// <param name="result">The parse result.</param>
    /// <returns>The files.</returns>
    public (string Option, string? Path)[] Inputs(ParseResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return [("--catalog", result.GetValue(CatalogFile)), ("--profiles", result.GetValue(ProfilesFile)), ("--model-config", result.GetValue(ModelConfig))];
    }

    /// <summary>
    /// The CLI's one composition root for the catalog: the embedded catalog (<see cref="Catalog.Default"/>, read nowhere else in the
    /// CLI), with a <c>--catalog</c> override file and a <c>--profiles</c> file layered on top when given.
    /// </summary>
    /// <param name="catalogFile">The --catalog file, or null.</param>
    /// <param name="profilesFile">The --profiles file, or null.</param>
    /// <returns>The catalog.</returns>
    public static Catalog LoadCatalog(string? catalogFile, string? profilesFile = null)
    {
        var catalog = Catalog.Default;
        if (!string.IsNullOrEmpty(catalogFile))
        {
            catalog = catalog.WithOverrides(catalogFile);
        }

        if (!string.IsNullOrEmpty(profilesFile))
        {
            catalog = catalog.WithProfiles(ServingProfiles.Load(profilesFile));
        }

        return catalog;
    }

    /// <summary>Resolves the pricing context: <see cref="ResolveCatalog"/> (catalog, profiles, data-centre options) with <see cref="ResolveCostModel"/> (price options). Commands build it once and price everything with it.</summary>
    /// <param name="result">The parse result.</param>
    /// <returns>The context.</returns>
    public PricingContext ResolveContext(ParseResult result) => PricingContext.Create(ResolveCatalog(result), ResolveCostModel(result));

    /// <summary>Resolves the catalog (embedded, plus --catalog and --profiles, the data-centre options and --model-config).</summary>
    /// <param name="result">The parse result.</param>
    /// <returns>The catalog.</returns>
    public Catalog ResolveCatalog(ParseResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var catalog = LoadCatalog(result.GetValue(CatalogFile), result.GetValue(ProfilesFile));

        var dc = catalog.DataCenter;
        if (OptionValues.Number(result, ElectricityPrice, allowZero: true) is double price)
        {
            dc = dc with { ElectricityPrice = EnergyPrice.FromUsdPerKilowattHour(price) };
        }

        if (OptionValues.Number(result, Pue) is double pue)
        {
            dc = pue >= 1 ? dc with { PowerUsageEffectiveness = pue } : throw new CliUsageException($"--pue must be a number ≥ 1; got {pue}.");
        }

        if (result.GetValue(ModelConfig) is { } config)
        {
            if (result.GetResult(Model) is { Implicit: false })
            {
                throw new CliUsageException("--model and --model-config are alternatives; give one of them.");
            }

            catalog = catalog.WithModel(Models.HuggingFaceConfigReader.ReadFile(config));
        }

        return catalog.WithDataCenter(dc);
    }

    /// <summary>Gets the model id to use: the --model-config file's name (its id in the catalog <see cref="ResolveCatalog"/> returns) or --model.</summary>
    /// <param name="result">The parse result.</param>
    /// <returns>The model id.</returns>
    public string ResolveModelId(ParseResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.GetValue(ModelConfig) is { } config ? Path.GetFileNameWithoutExtension(config) : result.GetValue(Model)!;
    }

    /// <summary>Builds the deployment configuration.</summary>
    /// <param name="result">The parse result.</param>
    /// <param name="catalog">The catalog.</param>
    /// <returns>The configuration.</returns>
    public DeploymentConfiguration ResolveConfiguration(ParseResult result, Catalog catalog)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(catalog);
        var devices = OptionValues.PositiveInt(result, Devices);
        var pp = OptionValues.PositiveInt(result, PipelineParallel);
        var tp = OptionValues.PositiveInt(result, TensorParallel);
        var configuration = Named(() => DeploymentConfiguration.Create(
            catalog,
            ResolveModelId(result),
            result.GetValue(Hardware)!,
            result.GetValue(Weights)!,
            result.GetValue(Activations),
            result.GetValue(KvCache),
            result.GetValue(Stack)!,
            devices,
            tp ?? Math.Max(1, devices / pp),
            pp));
        if (result.GetValue(ExpertWeights) is { } expert)
        {
            configuration = configuration with { ExpertWeights = Named(() => catalog.GetFormat(expert)) };
        }

        var ep = OptionValues.PositiveInt(result, ExpertParallel);
        var dp = result.GetValue(AttentionDataParallel);
        if (ep is not null || dp)
        {
            configuration = configuration with { Layout = new Serving.Layouts.ServingLayout { ExpertParallel = ep ?? 1, AttentionDataParallel = dp } };
            try
            {
                configuration.Validate();
            }
            catch (ArgumentException ex) when (ex.ParamName == nameof(DeploymentConfiguration.Layout))
            {
                throw new CliUsageException($"--ep: {ex.Message.Split(" (Parameter", 2)[0]}", ex);
            }
        }

        CheckPriceTier(result, configuration.Hardware);
        return configuration;
    }

    /// <summary>Builds the disaggregated deployment of --disagg on a hardware and weight format, or null when --disagg is not given.</summary>
    /// <param name="result">The parse result.</param>
    /// <param name="catalog">The catalog.</param>
    /// <param name="hardwareId">The hardware id, or null for --hardware.</param>
    /// <param name="weightsId">The weight format id, or null for --weights.</param>
    /// <returns>The deployment, or null.</returns>
    /// <exception cref="CliUsageException">--disagg is malformed or inconsistent, or given with an option it replaces.</exception>
    public Serving.Layouts.DisaggregatedDeployment? ResolveDisaggregation(ParseResult result, Catalog catalog, string? hardwareId = null, string? weightsId = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(catalog);
        if (result.GetResult(Disaggregation) is null || result.GetValue(Disaggregation) is not { } notation)
        {
            return null;
        }

        foreach (var replaced in new Option[] { Devices, TensorParallel, PipelineParallel, ExpertParallel, AttentionDataParallel })
        {
            if (result.GetResult(replaced) is { Implicit: false })
            {
                throw new CliUsageException($"--disagg gives each pool's workers, devices and layout; leave out {replaced.Name}.");
            }
        }

        var worker = Named(() => DeploymentConfiguration.Create(
            catalog, ResolveModelId(result), hardwareId ?? result.GetValue(Hardware)!, weightsId ?? result.GetValue(Weights)!, result.GetValue(Activations), result.GetValue(KvCache), result.GetValue(Stack)!));
        if (result.GetValue(ExpertWeights) is { } expert)
        {
            worker = worker with { ExpertWeights = Named(() => catalog.GetFormat(expert)) };
        }

        CheckPriceTier(result, worker.Hardware);
        try
        {
            return Serving.Layouts.DisaggregatedDeployment.Create(worker, notation);
        }
        catch (ArgumentException ex)
        {
            throw new CliUsageException($"--disagg: {ex.Message.Split(" (Parameter", 2)[0]}", ex);
        }
    }

    /// <summary>Checks that the hardware has the tier named by --price-tier (when given).</summary>
    /// <param name="result">The parse result.</param>
    /// <param name="hardware">The hardware that will be priced.</param>
    /// <exception cref="CliUsageException">The hardware has no such tier; the message names --price-tier and lists the hardware's tiers.</exception>
    public void CheckPriceTier(ParseResult result, TokenCost.Hardware.HardwarePlatform hardware)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(hardware);
        if (result.GetValue(PriceTier) is { } tier && !hardware.TryGetPriceTier(tier, out _))
        {
            throw new CliUsageException($"--price-tier: hardware '{hardware.Id}' has no price tier '{tier}'; tiers for {hardware.Id}: {hardware.DescribePriceTiers()}.");
        }
    }

    /// <summary>Builds the workload.</summary>
    /// <param name="result">The parse result.</param>
    /// <returns>The workload.</returns>
    public Workload ResolveWorkload(ParseResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var text = result.GetValue(Batch) ?? "1";
        int? batch = text.Equals("auto", StringComparison.OrdinalIgnoreCase)
            ? null
            : int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var b) && b >= 1
                ? b
                : throw new CliUsageException($"--batch must be an integer ≥ 1 or 'auto'; got '{text}'.");
        return new Workload { Batch = batch, InputTokens = OptionValues.NonNegativeInt(result, Input), OutputTokens = OptionValues.NonNegativeInt(result, Output) };
    }

    /// <summary>Builds the cost model from the price options.</summary>
    /// <param name="result">The parse result.</param>
    /// <returns>The cost model.</returns>
    public CostModel ResolveCostModel(ParseResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var rent = OptionValues.Number(result, PricePerHour, allowZero: true);
        var capex = OptionValues.Number(result, Capex, allowZero: true);
        var utilization = OptionValues.Fraction(result, Utilization);
        var tier = result.GetValue(PriceTier);
        if (rent is not null && capex is not null)
        {
            throw new CliUsageException("--price-per-hour and --capex are alternatives; give one of them.");
        }

        if (utilization is not null && capex is null)
        {
            throw new CliUsageException("--utilization applies to purchased hardware: give --capex as well (a rental is paid for every hour).");
        }

        if (tier is not null && (rent is not null || capex is not null))
        {
            throw new CliUsageException("--price-tier is an alternative to --price-per-hour and --capex; give one of them.");
        }

        if (tier is not null)
        {
            return string.IsNullOrWhiteSpace(tier)
                ? throw new CliUsageException("--price-tier must name a tier (see 'tokencost platforms'); got an empty value.")
                : CostModel.Default.Replace(new RentalHardwareCost { PriceTierName = tier });
        }

        if (capex is double c)
        {
            return CostModel.Default.Replace(new AmortizedHardwareCost { PurchasePricePerDevice = Money.FromUsd(c), Utilization = utilization ?? 1 });
        }

        return rent is double r ? CostModel.Default.Replace(new RentalHardwareCost { PricePerDeviceHour = HourlyRate.FromUsdPerHour(r) }) : CostModel.Default;
    }

    private static T Named<T>(Func<T> create)
    {
        try
        {
            return create();
        }
        catch (UnknownIdException ex)
        {
            var option = ex.Kind switch
            {
                CatalogEntryKind.Hardware => "--hardware",
                CatalogEntryKind.Model => "--model",
                CatalogEntryKind.ServingStack => "--stack",
                _ => "--weights/--expert-weights/--activations/--kv-cache",
            };
            throw new CliUsageException($"{option}: {ex.Message.Split(" (Parameter", 2)[0]}", ex);
        }
    }

    private IEnumerable<Option> All() =>
    [
        Model, ModelConfig, Hardware, Devices, TensorParallel, PipelineParallel, ExpertParallel, AttentionDataParallel, Weights, ExpertWeights, Activations, KvCache, Stack, Batch, Input, Output,
        PricePerHour, PriceTier, Capex, Utilization, ElectricityPrice, Pue, CatalogFile, ProfilesFile,
    ];
}
