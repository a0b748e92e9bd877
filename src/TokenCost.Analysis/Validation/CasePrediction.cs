using TokenCost.Estimation;

namespace TokenCost.Validation;

/// <summary>The model's prediction for one case: a value in the metric's unit and what limits it, or why the case cannot be modelled.</summary>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed record CasePrediction
{
    /// <summary>Gets the case.</summary>
    public ValidationCase Case { get; internal init; } = null!;

    /// <summary>Gets the predicted value in the unit of the case's metric, or null when <see cref="Error"/> is set.</summary>
    public double? Predicted { get; internal init; }

    /// <summary>Gets what limits the step behind the prediction, or null when <see cref="Error"/> is set.</summary>
    public Bound? Bound { get; internal init; }

    /// <summary>Gets why the case could not be modelled, or null when it was.</summary>
    public string? Error { get; internal init; }

    /// <summary>Gets the signed relative error (predicted − measured) ÷ measured, or null without a prediction.</summary>
    public double? RelativeError => Predicted is double p ? (p - Case.Value) / Case.Value : null;

    /// <summary>Gets the absolute percentage error |predicted − measured| ÷ measured × 100, or null without a prediction.</summary>
    public double? AbsolutePercentageError => RelativeError is double r ? Math.Abs(r) * 100 : null;
}
