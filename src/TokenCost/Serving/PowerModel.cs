using TokenCost.Internal;
using TokenCost.Quantities;

namespace TokenCost.Serving;

/// <summary>
/// Accelerator board power as a function of how busy the memory system and the matrix units are:
/// P = TDP × min(1, idle + memory × U_mem + compute × U_compute) (boards enforce their power limit), with utilizations the achieved fractions of peak bandwidth and compute.
/// </summary>
/// <remarks>
/// This type is immutable and thread-safe. The linear utilization-weighted form follows GenZ's energy model
/// (with fractions, not percent). Defaults are priors; the shipped values are fitted on measured energy cases.
/// </remarks>
public sealed record PowerModel
{
    private readonly double _idleFraction = 0.2;
    private readonly double _memoryFraction = 0.6;
    private readonly double _computeFraction = 0.8;

    /// <summary>Gets the power of a powered-on, idle accelerator as a fraction of TDP.</summary>
    /// <value>The default value is 0.2.</value>
    public double IdleFraction { get => _idleFraction; init => _idleFraction = Guard.Fraction(value, nameof(IdleFraction)); }

    /// <summary>Gets the extra power at full memory-bandwidth utilization, as a fraction of TDP.</summary>
    /// <value>The default value is 0.6.</value>
    public double MemoryFraction { get => _memoryFraction; init => _memoryFraction = Guard.NonNegativeFinite(value, nameof(MemoryFraction)); }

    /// <summary>Gets the extra power at full compute utilization, as a fraction of TDP.</summary>
    /// <value>The default value is 0.8.</value>
    public double ComputeFraction { get => _computeFraction; init => _computeFraction = Guard.NonNegativeFinite(value, nameof(ComputeFraction)); }

    /// <summary>Estimates the average board power.</summary>
    /// <param name="thermalDesignPower">The board's TDP.</param>
    /// <param name="bandwidthUtilization">Achieved fraction of peak memory bandwidth, in [0, 1].</param>
    /// <param name="computeUtilization">Achieved fraction of peak compute, in [0, 1].</param>
    /// <returns>The average power.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A utilization is outside [0, 1].</exception>
    public Power Estimate(Power thermalDesignPower, double bandwidthUtilization, double computeUtilization) =>
        thermalDesignPower * Math.Min(1.0, IdleFraction + (MemoryFraction * Guard.Fraction(bandwidthUtilization)) + (ComputeFraction * Guard.Fraction(computeUtilization)));
}
