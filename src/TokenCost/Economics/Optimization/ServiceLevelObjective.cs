using TokenCost.Internal;
using TokenCost.Quantities;

namespace TokenCost.Economics.Optimization;

/// <summary>The latency and quality limits a configuration must meet.</summary>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed record ServiceLevelObjective
{
    private readonly double? _minQuality;

    /// <summary>Gets the largest acceptable time per output token.</summary>
    public required TimeInterval MaxTimePerOutputToken { get; init; }

    /// <summary>Gets the largest acceptable time to first token (prefill of the whole batch), or null for no limit.</summary>
    public TimeInterval? MaxTimeToFirstToken { get; init; }

    /// <summary>Gets the smallest acceptable quality score in [0, 1] (as returned by <see cref="OptimizerSearchSpace.Quality"/>), or null for no limit.</summary>
    public double? MinQuality { get => _minQuality; init => _minQuality = value is double q ? Guard.Fraction(q, nameof(MinQuality)) : null; }
}
