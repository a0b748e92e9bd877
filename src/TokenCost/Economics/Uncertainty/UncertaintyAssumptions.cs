using TokenCost.Catalogs;
using TokenCost.Costs;

namespace TokenCost.Economics.Uncertainty;

/// <summary>
/// The distributions of the uncertain inputs of a token cost: hardware price per device-hour, utilisation, electricity price, PUE,
/// accelerator power, and the estimator's own error on time per output token.
/// </summary>
/// <remarks>
/// <para>This type is immutable and thread-safe. <see cref="ForReport"/> builds documented defaults around a priced estimate:</para>
/// <list type="bullet">
/// <item>price per device-hour: lognormal, median = the priced hardware cost per device-hour, σ = 0.25 (provider and contract spread, about ×0.73–×1.38 at P10–P90);</item>
/// <item>utilisation (fraction of paid hours doing work at the modelled batch): triangular(0.6, 0.8, 1.0);</item>
/// <item>electricity price: lognormal, median = data-centre default, σ = 0.3;</item>
/// <item>PUE: triangular(min(1.1, PUE), PUE, PUE + 0.3);</item>
/// <item>accelerator power factor: lognormal, median 1, σ = 0.15 (the power model's fit);</item>
/// <item>estimator error on TPOT (real ÷ estimated): lognormal, median 1, σ = 0.25 — derived from the calibration report (docs/ACCURACY.md):
/// the 5-fold cross-validated P90 absolute percentage error is 47–51 % across recent fits, so σ = ln(1.47…1.51) ÷ 1.645 ≈ 0.24–0.25, rounded up to 0.25. The median error (about 11 %)
/// alone would suggest σ ≈ 0.16, but the tails are heavier than lognormal, so the P90 is used.</item>
/// </list>
/// </remarks>
public sealed record UncertaintyAssumptions
{
    /// <summary>The default log-space sigma of the estimator's error on time per output token (real ÷ estimated): 0.25, dimensionless.</summary>
    /// <remarks>
    /// Derived from the calibration report (docs/ACCURACY.md): 5-fold cross-validated P90 absolute percentage error 47–51 % across recent fits,
    /// so σ = ln(1.47…1.51) ÷ 1.645 ≈ 0.24–0.25, rounded up to 0.25. The median error (≈ 11 %) alone would suggest σ ≈ 0.16; the tails are heavier, so the P90 is used.
    /// </remarks>
    public static double DefaultEstimatorSigma { get; } = 0.25;

    /// <summary>The default log-space sigma of the hardware price per device-hour: 0.25.</summary>
    public static double DefaultPriceSigma { get; } = 0.25;

    /// <summary>The default log-space sigma of the electricity price: 0.3.</summary>
    public static double DefaultElectricitySigma { get; } = 0.3;

    /// <summary>Gets the hardware price per device-hour, in USD/h (amortised or rented; it scales the hardware cost components).</summary>
    public required UncertainValue PricePerDeviceHour { get; init; }

    /// <summary>Gets the fraction of paid hours the deployment produces tokens at the modelled batch, in (0, 1].</summary>
    public required UncertainValue Utilization { get; init; }

    /// <summary>Gets the electricity price, in USD/kWh.</summary>
    public required UncertainValue ElectricityPrice { get; init; }

    /// <summary>Gets the power usage effectiveness (≥ 1).</summary>
    public required UncertainValue PowerUsageEffectiveness { get; init; }

    /// <summary>Gets the multiplier on the modelled accelerator power (1 = as modelled).</summary>
    public required UncertainValue PowerFactor { get; init; }

    /// <summary>Gets the multiplier on the estimated time per output token (real ÷ estimated; 1 = the estimate is exact).</summary>
    public required UncertainValue EstimatorError { get; init; }

    /// <summary>Builds the documented default assumptions around a priced estimate.</summary>
    /// <param name="report">The priced estimate.</param>
    /// <param name="dataCenter">The data-centre parameters it was priced with.</param>
    /// <param name="priceSigma">Log-space sigma of the price per device-hour, ≥ 0; null for <see cref="DefaultPriceSigma"/>.</param>
    /// <param name="estimatorSigma">Log-space sigma of the estimator error, ≥ 0; null for <see cref="DefaultEstimatorSigma"/>.</param>
    /// <param name="electricitySigma">Log-space sigma of the electricity price, ≥ 0; null for <see cref="DefaultElectricitySigma"/>.</param>
    /// <returns>The assumptions.</returns>
    public static UncertaintyAssumptions ForReport(TokenCostReport report, DataCenterDefaults dataCenter, double? priceSigma = null, double? estimatorSigma = null, double? electricitySigma = null)
    {
        var price = priceSigma ?? DefaultPriceSigma;
        var estimator = estimatorSigma ?? DefaultEstimatorSigma;
        var electricitySpread = electricitySigma ?? DefaultElectricitySigma;
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(dataCenter);
        var perDevice = report.HardwareCostPerHour.UsdPerHour / report.Estimate.Configuration.Devices;
        var pue = dataCenter.PowerUsageEffectiveness;
        var electricity = dataCenter.ElectricityPrice.UsdPerKilowattHour;
        return new UncertaintyAssumptions
        {
            PricePerDeviceHour = perDevice > 0 ? UncertainValue.LogNormal(perDevice, price) : UncertainValue.Fixed(0),
            Utilization = UncertainValue.Triangular(0.6, 0.8, 1.0),
            ElectricityPrice = electricity > 0 ? UncertainValue.LogNormal(electricity, electricitySpread) : UncertainValue.Fixed(0),
            PowerUsageEffectiveness = UncertainValue.Triangular(Math.Min(1.1, pue), pue, pue + 0.3),
            PowerFactor = UncertainValue.LogNormal(1, 0.15),
            EstimatorError = UncertainValue.LogNormal(1, estimator),
        };
    }
}
