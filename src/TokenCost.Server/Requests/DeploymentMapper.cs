using System.Text;
using TokenCost.Catalogs;
using TokenCost.Costs;
using TokenCost.Estimation;
using TokenCost.Quantities;
using TokenCost.Server.Contracts;

namespace TokenCost.Server.Requests;

/// <summary>
/// Turns request contracts into the library's types with the meaning and defaults of the CLI's <c>DeploymentOptions</c>
/// (tensor parallel defaults to devices ÷ pipeline parallel; activations and KV cache to the library's defaults), checking every field.
/// </summary>
internal static class DeploymentMapper
{
    /// <summary>Resolves the catalog: the service's, plus inline overrides, electricity price and PUE.</summary>
    /// <param name="baseCatalog">The service's catalog.</param>
    /// <param name="request">The request.</param>
    /// <returns>The catalog.</returns>
    public static Catalog ResolveCatalog(Catalog baseCatalog, DeploymentRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var catalog = WithOverrides(baseCatalog, request.CatalogOverrides);
        return WithDataCenter(catalog, request.ElectricityPrice, request.Pue);
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
        return configuration;
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
