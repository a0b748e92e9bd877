namespace TokenCost.Contracts;

/// <summary>A serving stack and its efficiency profile (<c>tokencost stacks --format json</c>, <c>GET /v1/stacks</c>).</summary>
public sealed record StackEntry
{
    /// <summary>Gets the stack id.</summary>
    public required string Id { get; init; }

    /// <summary>Gets the description.</summary>
    public required string Description { get; init; }

    /// <summary>Gets a value indicating whether the stack has its own fitted profile (else the defaults apply).</summary>
    public required bool OwnProfile { get; init; }

    /// <summary>Gets the fraction of peak memory bandwidth reached, in (0, 1].</summary>
    public required double BandwidthEfficiency { get; init; }

    /// <summary>Gets the fraction of peak compute reached, in (0, 1].</summary>
    public required double ComputeEfficiency { get; init; }

    /// <summary>Gets the fraction of peak reached by attention, in (0, 1].</summary>
    public required double AttentionEfficiency { get; init; }

    /// <summary>Gets the fixed time per layer and step, in microseconds.</summary>
    public required double LayerOverheadMicroseconds { get; init; }

    /// <summary>Gets the fixed time per step, in milliseconds.</summary>
    public required double StepOverheadMilliseconds { get; init; }

    /// <summary>Gets the most sequences the stack runs at once per replica.</summary>
    public required int MaxBatch { get; init; }

    /// <summary>Gets the stack's source.</summary>
    public required string Source { get; init; }

    /// <summary>Gets the provenance of the profiles.</summary>
    public required string ProfileSource { get; init; }
}
