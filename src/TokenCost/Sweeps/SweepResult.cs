using TokenCost.Estimation;

namespace TokenCost.Sweeps;

/// <summary>One evaluated sweep point: which deployment, batch and sequence shape, and its estimate.</summary>
/// <remarks>This type is immutable and thread-safe.</remarks>
public readonly record struct SweepResult
{
    /// <summary>Gets the point's index in the plan, in [0, <see cref="SweepPlan.Count"/>): deployment-major, then sequence shape, then batch.</summary>
    public long Index { get; internal init; }

    /// <summary>Gets the deployment.</summary>
    public DeploymentConfiguration Configuration { get; internal init; }

    /// <summary>Gets the requested batch per replica.</summary>
    public int Batch { get; internal init; }

    /// <summary>Gets the prompt tokens per sequence.</summary>
    public int InputTokens { get; internal init; }

    /// <summary>Gets the generated tokens per sequence.</summary>
    public int OutputTokens { get; internal init; }

    /// <summary>Gets the estimate.</summary>
    public EstimateSummary Estimate { get; internal init; }
}
