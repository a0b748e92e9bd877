using System.Text;
using TokenCost.Catalogs;
using TokenCost.Costs;
using TokenCost.Estimation;
using TokenCost.Models;
using TokenCost.Quantities;
using TokenCost.Server.Contracts;
using TokenCost.Serving.Layouts;
using TokenCost.Serving.Load;

namespace TokenCost.Server.Requests;

/// <summary>
/// Turns request contracts into the library's types with the meaning and defaults of the CLI's <c>DeploymentOptions</c>
/// (tensor parallel defaults to devices ÷ pipeline parallel; activations and KV cache to the library's defaults), checking every field.
/// </summary>
internal static class DeploymentMapper
{
    private const string DisaggReplacesLayout = "disagg gives each pool's workers, devices and layout; leave out devices, tensorParallel, pipelineParallel, expertParallel and attentionDataParallel.";

    /// <summary>Resolves the catalog: the service's, plus inline overrides, the inline model config, electricity price and PUE.</summary>
    /// <param name="baseCatalog">The service's catalog.</param>
    /// <param name="request">The request.</param>
    /// <returns>The catalog.</returns>
    public static Catalog ResolveCatalog(Catalog baseCatalog, DeploymentRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var catalog = WithOverrides(baseCatalog, request.CatalogOverrides);
        catalog = WithModelConfig(catalog, request);
        return WithDataCenter(catalog, request.ElectricityPrice, request.Pue);
    }

    /// <summary>Builds the load from the request's <c>load</c> object, as the CLI's <c>--load</c>, <c>--concurrency</c> and <c>--rate</c> do.</summary>
    /// <param name="load">The load object, or null for the static load.</param>
    /// <returns>The load.</returns>
    public static ServingLoad ResolveLoad(LoadRequest? load)
    {
        if (load is null)
        {
            return ServingLoad.Static;
        }

        if (load.Concurrency is not null && load.Kind != "closed")
        {
            throw new RequestValidationException("load.concurrency", $"load.concurrency is only used with load.kind \"closed\"; got \"{Shorten(load.Kind)}\".");
        }

        if (load.RequestsPerSecond is not null && load.Kind != "poisson")
        {
            throw new RequestValidationException("load.requestsPerSecond", $"load.requestsPerSecond is only used with load.kind \"poisson\"; got \"{Shorten(load.Kind)}\".");
        }

        return load.Kind switch
        {
            "static" => ServingLoad.Static,
            "offline" => ServingLoad.Offline,
            "closed" => ServingLoad.Closed(Check.Int(load.Concurrency, 1, RequestLimits.MaxConcurrency, "load.concurrency")
                ?? throw new RequestValidationException("load.concurrency", "load.kind \"closed\" needs load.concurrency: the clients of the whole deployment, an integer ≥ 1.")),
            "poisson" => ServingLoad.Poisson(Check.Range(load.RequestsPerSecond, 0, false, RequestLimits.MaxRequestsPerSecond, "load.requestsPerSecond")
                ?? throw new RequestValidationException("load.requestsPerSecond", "load.kind \"poisson\" needs load.requestsPerSecond: the arrival rate of the whole deployment, a number > 0 in requests/s.")),
            _ => throw new RequestValidationException("load.kind", $"load.kind must be \"static\", \"closed\", \"offline\" or \"poisson\"; got \"{Shorten(load.Kind)}\"."),
        };
    }

    /// <summary>Applies electricity price and PUE to a catalog's data-centre defaults.</summary>
    /// <param name="catalog">The catalog.</param>
    /// <param name="electricityPrice">USD per kWh, or null.</param>
    /// <param name="pue">The PUE, or null.</param>
    /// <returns>The catalog.</returns>
    public static Catalog WithDataCenter(Catalog catalog, double? electricityPrice, double? pue)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        if (electricityPrice is null && pue is null)
        {
            return catalog;
        }

        var dc = catalog.DataCenter;
        if (Check.NonNegative(electricityPrice, "electricityPrice") is double price)
        {
            dc = dc with { ElectricityPrice = EnergyPrice.FromUsdPerKilowattHour(price) };
        }

        if (Check.Range(pue, 1, true, 10, "pue") is double p)
        {
            dc = dc with { PowerUsageEffectiveness = p };
        }

        return catalog.WithDataCenter(dc);
    }

    /// <summary>Builds the deployment configuration.</summary>
    /// <param name="request">The request.</param>
    /// <param name="catalog">The catalog.</param>
    /// <returns>The configuration.</returns>
    public static DeploymentConfiguration ResolveConfiguration(DeploymentRequest request, Catalog catalog)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(catalog);
        var devices = Check.Int(request.Devices, 1, RequestLimits.MaxDevices, "devices");
        var pp = Check.Int(request.PipelineParallel, 1, RequestLimits.MaxDevices, "pipelineParallel");
        var tp = Check.Int(request.TensorParallel, 1, RequestLimits.MaxDevices, "tensorParallel");
        var configuration = LibraryErrors.Translate(
            () => DeploymentConfiguration.Create(
                catalog,
                Check.Id(request.Model, "model"),
                Check.Id(request.Hardware, "hardware"),
                Check.Id(request.Weights, "weights"),
                request.Activations is null ? null : Check.Id(request.Activations, "activations"),
                request.KvCache is null ? null : Check.Id(request.KvCache, "kvCache"),
                Check.Id(request.Stack, "stack"),
                devices,
                tp ?? Math.Max(1, devices / pp),
                pp),
            request);
        CheckPriceTier(request, configuration.Hardware);
        return Complete(configuration, request, catalog);
    }

    /// <summary>Gets a value indicating whether the request fixes the MoE serving layout (<c>expertParallel</c> or <c>attentionDataParallel</c>), as <c>--ep</c> / <c>--attention-dp</c> do.</summary>
    /// <param name="request">The request.</param>
    /// <returns>True when the layout is fixed.</returns>
    public static bool FixesLayout(DeploymentRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.ExpertParallel is not null || request.AttentionDataParallel;
    }

    /// <summary>Applies what the request adds to a configuration built from its ids and degrees: the expert-weight format and the MoE serving layout.</summary>
    /// <param name="configuration">The configuration.</param>
    /// <param name="request">The request.</param>
    /// <param name="catalog">The catalog.</param>
    /// <returns>The configuration.</returns>
    public static DeploymentConfiguration Complete(DeploymentConfiguration configuration, DeploymentRequest request, Catalog catalog) =>
        WithLayout(WithExpertWeights(configuration, request, catalog), request);

    /// <summary>Sets the MoE serving layout the request names (expert-parallel degree, data-parallel attention), as the CLI's <c>--ep</c> and <c>--attention-dp</c> do.</summary>
    /// <param name="configuration">The configuration.</param>
    /// <param name="request">The request.</param>
    /// <returns>The configuration.</returns>
    /// <exception cref="RequestValidationException">The degree is not an integer ≥ 1, or the model or tensor-parallel degree cannot use the layout.</exception>
    public static DeploymentConfiguration WithLayout(DeploymentConfiguration configuration, DeploymentRequest request)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (!FixesLayout(request))
        {
            return configuration;
        }

        if (request is EstimateRequest { Disagg: not null })
        {
            throw new RequestValidationException("disagg", DisaggReplacesLayout);
        }

        var ep = Check.Int(request.ExpertParallel, 1, RequestLimits.MaxDevices, "expertParallel") ?? 1;
        var laid = configuration with { Layout = new ServingLayout { ExpertParallel = ep, AttentionDataParallel = request.AttentionDataParallel } };
        try
        {
            laid.Validate();
        }
        catch (ArgumentException ex) when (ex.ParamName == nameof(DeploymentConfiguration.Layout))
        {
            var field = request.ExpertParallel is null ? "attentionDataParallel" : "expertParallel";
            throw new RequestValidationException(field, $"{field}: {ex.Message.Split(" (Parameter", 2)[0]}");
        }

        return laid;
    }

    /// <summary>Builds the disaggregated deployment the request names in <see cref="EstimateRequest.Disagg"/>, as the CLI's <c>--disagg</c> does, or null when it names none.</summary>
    /// <param name="request">The request.</param>
    /// <param name="worker">The configuration of the model, hardware, formats and stack (its devices and layout are replaced by each pool's).</param>
    /// <param name="load">The load, which must be closed or offline.</param>
    /// <returns>The deployment, or null.</returns>
    public static DisaggregatedDeployment? ResolveDisaggregation(EstimateRequest request, DeploymentConfiguration worker, ServingLoad load)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(worker);
        ArgumentNullException.ThrowIfNull(load);
        if (request.Disagg is not { } notation)
        {
            return null;
        }

        if (request.Devices != 1 || request.TensorParallel is not null || request.PipelineParallel != 1 || FixesLayout(request))
        {
            throw new RequestValidationException("disagg", DisaggReplacesLayout);
        }

        if (load.Kind is not (LoadKind.Closed or LoadKind.Offline))
        {
            throw new RequestValidationException("disagg", "disagg needs load.kind \"closed\" (with load.concurrency) or \"offline\": a disaggregated deployment is modelled as a closed loop.");
        }

        const string Notation = "disagg must read WxGg[TPt][EPe][DP]+WxGg[TPt][EPe][DP], prefill pool first: W workers ≥ 1 of G devices, a tensor-parallel degree t dividing G (omitted = G), an expert-parallel degree e ≥ 1 the model can use, DP for data-parallel attention (for example 1x8gTP8EP8DP+2x8gTP8EP8).";
        DisaggregatedDeployment deployment;
        try
        {
            deployment = notation.Length <= 64 ? DisaggregatedDeployment.Create(worker, notation) : throw new RequestValidationException("disagg", Notation);
        }
        catch (ArgumentException)
        {
            throw new RequestValidationException("disagg", Notation);
        }

        return deployment.Devices <= RequestLimits.MaxDevices ? deployment
            : throw new RequestValidationException("disagg", $"disagg must describe at most {RequestLimits.MaxDevices.ToString(System.Globalization.CultureInfo.InvariantCulture)} devices in both pools together.");
    }

    /// <summary>Sets the expert-weight format the request names (when it names one), as the CLI's <c>--expert-weights</c> does.</summary>
    /// <param name="configuration">The configuration.</param>
    /// <param name="request">The request.</param>
    /// <param name="catalog">The catalog.</param>
    /// <returns>The configuration.</returns>
    public static DeploymentConfiguration WithExpertWeights(DeploymentConfiguration configuration, DeploymentRequest request, Catalog catalog)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(catalog);
        if (request.ExpertWeights is null)
        {
            return configuration;
        }

        var id = Check.Id(request.ExpertWeights, "expertWeights");
        return catalog.TryGetFormat(id, out var format)
            ? configuration with { ExpertWeights = format }
            : throw new RequestValidationException("expertWeights", $"expertWeights must be a known format id (see GET /v1/formats); got '{Shorten(id)}'.");
    }

    /// <summary>Checks that the hardware has the price tier the request names (when it names one), as the CLI's --price-tier does.</summary>
    /// <param name="request">The request.</param>
    /// <param name="hardware">The hardware that will be priced.</param>
    public static void CheckPriceTier(DeploymentRequest request, Hardware.HardwarePlatform hardware)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(hardware);
        if (request.PriceTier is { } tier && !hardware.TryGetPriceTier(tier, out _))
        {
            throw new RequestValidationException("priceTier", $"priceTier must be one of this hardware's tiers (see GET /v1/price-tiers): {hardware.DescribePriceTiers()}.");
        }
    }

    /// <summary>Builds the workload.</summary>
    /// <param name="batch">The batch, or null for auto.</param>
    /// <param name="inputTokens">The prompt tokens.</param>
    /// <param name="outputTokens">The output tokens.</param>
    /// <returns>The workload.</returns>
    public static Workload ResolveWorkload(int? batch, int inputTokens, int outputTokens) => new()
    {
        Batch = Check.Int(batch, 1, RequestLimits.MaxBatch, "batch"),
        InputTokens = Check.Int(inputTokens, 0, RequestLimits.MaxTokens, "inputTokens"),
        OutputTokens = Check.Int(outputTokens, 0, RequestLimits.MaxTokens, "outputTokens"),
    };

    /// <summary>Builds the cost model from the price fields, as the CLI's price options do.</summary>
    /// <param name="request">The request.</param>
    /// <returns>The cost model.</returns>
    public static CostModel ResolveCostModel(DeploymentRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var rent = Check.NonNegative(request.PricePerHour, "pricePerHour");
        var capex = Check.NonNegative(request.Capex, "capex");
        var utilization = Check.Range(request.Utilization, 0, false, 1, "utilization");
        if (rent is not null && capex is not null)
        {
            throw new RequestValidationException("capex", "pricePerHour and capex are alternatives; give one of them.");
        }

        if (request.PriceTier is { } tier)
        {
            return rent is not null || capex is not null
                ? throw new RequestValidationException("priceTier", "priceTier is an alternative to pricePerHour and capex; give one of them.")
                : CostModel.Default.Replace(new RentalHardwareCost { PriceTierName = Check.Id(tier, "priceTier") });
        }

        if (capex is double c)
        {
            return CostModel.Default.Replace(new AmortizedHardwareCost { PurchasePricePerDevice = Money.FromUsd(c), Utilization = utilization ?? 1 });
        }

        return rent is double r ? CostModel.Default.Replace(new RentalHardwareCost { PricePerDeviceHour = HourlyRate.FromUsdPerHour(r) }) : CostModel.Default;
    }

    private static Catalog WithModelConfig(Catalog catalog, DeploymentRequest request)
    {
        if (request.ModelConfig is not { } json || json.ValueKind == System.Text.Json.JsonValueKind.Null)
        {
            return catalog;
        }

        if (json.ValueKind != System.Text.Json.JsonValueKind.Object)
        {
            throw new RequestValidationException("modelConfig", "modelConfig must be an object: the contents of a Hugging Face config.json.");
        }

        var id = Check.Id(request.Model, "model");
        ModelArchitecture model;
        try
        {
            // The raw text keeps what the reader checks (duplicate keys, integer types); the request body's size limit bounds it.
            model = HuggingFaceConfigReader.Parse(Encoding.UTF8.GetBytes(json.GetRawText()), "modelConfig", id);
        }
        catch (CatalogException ex)
        {
            // The reader's messages name the key and what it is needed for, never a path on this machine (the source name is fixed above).
            throw new RequestValidationException("modelConfig", ex.Message.ReplaceLineEndings(" "));
        }

        try
        {
            return catalog.WithModel(model);
        }
        catch (ArgumentException ex)
        {
            throw new RequestValidationException("modelConfig", "modelConfig describes a model the estimator cannot use: " + ex.Message.ReplaceLineEndings(" "));
        }
    }

    private static string Shorten(string? text) => text is null ? "" : text.Length <= 64 ? text : text[..64] + "…";

    private static Catalog WithOverrides(Catalog catalog, System.Text.Json.JsonElement? overrides)
    {
        if (overrides is not { } json || json.ValueKind == System.Text.Json.JsonValueKind.Null)
        {
            return catalog;
        }

        if (json.ValueKind != System.Text.Json.JsonValueKind.Object)
        {
            throw new RequestValidationException("catalogOverrides", "catalogOverrides must be an object with any of the sections hardware, models, formats, stacks.");
        }

        try
        {
            using var stream = new MemoryStream(Encoding.UTF8.GetBytes(json.GetRawText()));
            return catalog.WithOverrides(stream, "catalogOverrides");
        }
        catch (CatalogException ex)
        {
            // The catalog reader's messages name the line and key, never a path on this machine (the source name is fixed above).
            throw new RequestValidationException("catalogOverrides", ex.Message.ReplaceLineEndings(" "));
        }
    }
}
