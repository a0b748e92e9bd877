using TokenCost.Catalogs;
using TokenCost.Estimation;
using TokenCost.Internal;
using TokenCost.Quantities;
using TokenCost.Serialization;

namespace TokenCost.Economics.Scenarios;

/// <summary>Reads scenario JSON files strictly: unknown or duplicate keys, wrong types and missing required fields are reported with file and line.</summary>
/// <remarks>This type is stateless and thread-safe. The schema is documented in docs/economics.md; examples are in samples/scenarios/.</remarks>
public static class ScenarioFile
{
    private static readonly InputFileFailure Failure = (file, line, message, inner) => new ScenarioFileException(file, line, message, inner);

    /// <summary>Loads a scenario file.</summary>
    /// <param name="path">The JSON file.</param>
    /// <param name="catalog">The catalog to resolve ids in (for example a <see cref="Pricing.PricingContext"/>'s).</param>
    /// <returns>The scenario.</returns>
    /// <exception cref="ScenarioFileException">The file cannot be read, is not valid JSON, has unknown or duplicate keys, or refers to unknown ids.</exception>
    public static ServingScenario Load(string path, Catalog catalog)
    {
        ArgumentNullException.ThrowIfNull(path);
        var dto = JsonFiles.ReadFile(path, ScenarioJsonContext.Default.ScenarioFileDto, Failure);
        return Map(dto, path, Guard.NotNull(catalog));
    }

    /// <summary>Parses scenario JSON text.</summary>
    /// <param name="json">The JSON text.</param>
    /// <param name="catalog">The catalog to resolve ids in (for example a <see cref="Pricing.PricingContext"/>'s).</param>
    /// <param name="sourceName">The name used in error messages.</param>
    /// <returns>The scenario.</returns>
    /// <exception cref="ScenarioFileException">The text is not a valid scenario.</exception>
    public static ServingScenario Parse(string json, Catalog catalog, string sourceName = "scenario")
    {
        ArgumentNullException.ThrowIfNull(json);
        var dto = JsonFiles.Parse(System.Text.Encoding.UTF8.GetBytes(json), sourceName, ScenarioJsonContext.Default.ScenarioFileDto, Failure);
        return Map(dto, sourceName, Guard.NotNull(catalog));
    }

    private static ServingScenario Map(ScenarioFileDto dto, string file, Catalog catalog)
    {
        try
        {
            var w = dto.Workload ?? throw new ScenarioFileException(file, null, "'workload' is required");
            var deployment = dto.Deployment ?? throw new ScenarioFileException(file, null, "'deployment' is required");
            return new ServingScenario
            {
                Name = dto.Name ?? Path.GetFileNameWithoutExtension(file),
                Deployment = Deployment(deployment, "deployment", file, catalog),
                Batch = deployment.Batch,
                PricePerDeviceHour = deployment.PricePerHour is double p ? HourlyRate.FromUsdPerHour(p) : null,
                InputTokens = w.InputTokens ?? 512,
                OutputTokens = w.OutputTokens ?? 256,
                RequestsPerDay = w.RequestsPerDay ?? throw new ScenarioFileException(file, null, "'workload.requestsPerDay' is required"),
                CachedInputFraction = w.CachedInputFraction ?? 0,
                TargetUtilization = dto.TargetUtilization ?? 0.7,
                Upgrade = dto.Upgrade is { } u ? new UpgradeOption
                {
                    Deployment = Deployment(u, "upgrade", file, catalog),
                    Batch = u.Batch,
                    PricePerDeviceHour = u.PricePerHour is double up ? HourlyRate.FromUsdPerHour(up) : null,
                    PurchasePricePerDevice = u.PurchasePricePerDevice is double c ? Money.FromUsd(c) : null,
                } : null,
                Routing = dto.Routing is { } r ? new HybridRoutingOption
                {
                    OnDeviceShare = r.OnDeviceShare ?? throw new ScenarioFileException(file, null, "'routing.onDeviceShare' is required"),
                    Device = Deployment(r.Device ?? throw new ScenarioFileException(file, null, "'routing.device' is required"), "routing.device", file, catalog),
                    DevicePower = r.DevicePowerW is double pw ? Power.FromWatts(pw) : null,
                    DeviceElectricityPrice = EnergyPrice.FromUsdPerKilowattHour(r.DeviceElectricityUsdPerKwh ?? 0.15),
                    DeviceQuality = r.DeviceQuality,
                    CloudQuality = r.CloudQuality,
                } : null,
                Api = dto.Api is { } a ? new ApiPricing
                {
                    Name = a.Name ?? "api",
                    CostPerMillionInputTokens = Money.FromUsd(a.InputUsdPerMillion ?? throw new ScenarioFileException(file, null, "'api.inputUsdPerMillion' is required")),
                    CostPerMillionOutputTokens = Money.FromUsd(a.OutputUsdPerMillion ?? throw new ScenarioFileException(file, null, "'api.outputUsdPerMillion' is required")),
                    CostPerMillionCachedInputTokens = a.CachedInputUsdPerMillion is double ci ? Money.FromUsd(ci) : null,
                } : null,
            };
        }
        catch (ArgumentException ex)
        {
            throw new ScenarioFileException(file, null, ex.Message.Split(" (Parameter", 2)[0], ex);
        }
    }

    private static DeploymentConfiguration Deployment(DeploymentDto d, string where, string file, Catalog catalog)
    {
        var devices = d.Devices ?? 1;
        return DeploymentConfiguration.Create(
            catalog,
            d.Model ?? throw new ScenarioFileException(file, null, $"'{where}.model' is required"),
            d.Hardware ?? throw new ScenarioFileException(file, null, $"'{where}.hardware' is required"),
            d.Weights ?? "bf16",
            null,
            d.KvCache,
            d.Stack ?? "unknown",
            devices,
            d.TensorParallel ?? devices,
            1);
    }
}
