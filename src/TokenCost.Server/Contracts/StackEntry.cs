namespace TokenCost.Server.Contracts;

/// <summary>A serving stack and its efficiency profile, with the properties of <c>tokencost stacks --json</c>.</summary>
internal sealed record StackEntry
{
    /// <summary>Gets the id.</summary>
    public required string Id { get; init; }

    /// <summary>Gets the description.</summary>
    public required string Description { get; init; }

    /// <summary>Gets a value indicating whether the stack has its own profile (else the defaults apply).</summary>
    public required bool OwnProfile { get; init; }

    /// <summary>Gets the fraction of peak memory bandwidth achieved.</summary>
    public required double BandwidthEfficiency { get; init; }

    /// <summary>Gets the fraction of peak compute achieved.</summary>
    public required double ComputeEfficiency { get; init; }

    /// <summary>Gets the attention efficiency.</summary>
    public required double AttentionEfficiency { get; init; }

    /// <summary>Gets the overhead per layer, in microseconds.</summary>
    public required double LayerOverheadMicroseconds { get; init; }

    /// <summary>Gets the overhead per step, in milliseconds.</summary>
    public required double StepOverheadMilliseconds { get; init; }

    /// <summary>Gets the scheduler's batch cap.</summary>
    public required int MaxBatch { get; init; }

    /// <summary>Gets the source.</summary>
    public required string Source { get; init; }

    /// <summary>Gets the source of the profiles.</summary>
    public required string ProfileSource { get; init; }
}
