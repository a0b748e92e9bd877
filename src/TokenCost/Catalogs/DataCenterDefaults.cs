using TokenCost.Internal;
using TokenCost.Quantities;

namespace TokenCost.Catalogs;

/// <summary>
/// Data-centre cost parameters with their sources: electricity price, PUE, server power overhead,
/// depreciation life, grid and embodied carbon, and serving overhead.
/// </summary>
/// <remarks>This type is immutable and thread-safe. Shipped values come from <c>shared/data/datacenter.md</c>'s suggested defaults.</remarks>
public sealed record DataCenterDefaults
{
    private readonly double _pue = 1.25;
    private readonly double _serverPowerOverhead = 1.8;
    private readonly double _depreciationYears = 5;
    private readonly double _servingOverheadFraction = 0.1;
    private readonly double _embodied = 320;

    /// <summary>Gets the electricity price.</summary>
    /// <value>The default value is 0.08 USD/kWh.</value>
    public EnergyPrice ElectricityPrice { get; init; } = EnergyPrice.FromUsdPerKilowattHour(0.08);

    /// <summary>Gets the power usage effectiveness (facility power ÷ IT power), ≥ 1.</summary>
    /// <value>The default value is 1.25.</value>
    public double PowerUsageEffectiveness { get => _pue; init => _pue = AtLeastOne(value, nameof(PowerUsageEffectiveness)); }

    /// <summary>Gets the server wall power per unit of accelerator power (CPU, memory, fans, network), ≥ 1.</summary>
    /// <value>The default value is 1.8.</value>
    public double ServerPowerOverhead { get => _serverPowerOverhead; init => _serverPowerOverhead = AtLeastOne(value, nameof(ServerPowerOverhead)); }

    /// <summary>Gets the straight-line depreciation life of purchased hardware, in years (&gt; 0).</summary>
    /// <value>The default value is 5.</value>
    public double DepreciationYears { get => _depreciationYears; init => _depreciationYears = Guard.PositiveFinite(value, nameof(DepreciationYears)); }

    /// <summary>Gets the grid carbon intensity.</summary>
    /// <value>The default value is 370 gCO2e/kWh (US average).</value>
    public CarbonIntensity GridCarbonIntensity { get; init; } = CarbonIntensity.FromGramsCo2ePerKilowattHour(370);

    /// <summary>Gets the embodied emissions of one accelerator slot including its share of the server, in kgCO2e.</summary>
    /// <value>The default value is 320.</value>
    public double EmbodiedKgCo2ePerDevice { get => _embodied; init => _embodied = Guard.NonNegativeFinite(value, nameof(EmbodiedKgCo2ePerDevice)); }

    /// <summary>Gets serving overhead (software, operations, over-provisioning) as a fraction of hardware + energy cost.</summary>
    /// <value>The default value is 0.1.</value>
    public double ServingOverheadFraction { get => _servingOverheadFraction; init => _servingOverheadFraction = Guard.NonNegativeFinite(value, nameof(ServingOverheadFraction)); }

    /// <summary>Gets a fixed serving cost per hour for the whole deployment.</summary>
    /// <value>The default value is 0.</value>
    public HourlyRate ServingFixedCostPerHour { get; init; } = HourlyRate.Zero;

    /// <summary>Gets the source of each value, keyed by property name.</summary>
    public IReadOnlyDictionary<string, string> Sources { get; init; } = new Dictionary<string, string>();

    private static double AtLeastOne(double value, string name)
    {
        if (!double.IsFinite(value) || value < 1)
        {
            throw new ArgumentOutOfRangeException(name, value, FormattableString.Invariant($"{name} must be a finite number ≥ 1; got {value}."));
        }

        return value;
    }
}
