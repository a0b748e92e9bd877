using TokenCost.Quantities;

namespace TokenCost.Economics.Uncertainty;

/// <summary>One row of a tornado table: the cost with one input at its P10 and at its P90, every other input at its median.</summary>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed record SensitivityEntry
{
    /// <summary>Gets the input that varies in this row.</summary>
    public UncertainInput Input { get; internal init; }

    /// <summary>Gets the input's distribution, described.</summary>
    public string Distribution { get; internal init; } = null!;

    /// <summary>Gets the input's P10 value, in its own unit.</summary>
    public double InputP10 { get; internal init; }

    /// <summary>Gets the input's P90 value, in its own unit.</summary>
    public double InputP90 { get; internal init; }

    /// <summary>Gets the $/1M output tokens with the input at its P10.</summary>
    public Money CostAtP10 { get; internal init; }

    /// <summary>Gets the $/1M output tokens with the input at its P90.</summary>
    public Money CostAtP90 { get; internal init; }

    /// <summary>Gets the swing: |cost at P90 − cost at P10|, in USD per 1M output tokens.</summary>
    public double SwingUsd => Math.Abs(CostAtP90.Usd - CostAtP10.Usd);
}
