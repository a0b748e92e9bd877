namespace TokenCost.Contracts;

/// <summary>One case of a validation: measured against predicted.</summary>
public sealed record CaseResultResponse
{
    /// <summary>Gets the case's id.</summary>
    public required string Id { get; init; }

    /// <summary>Gets the metric id.</summary>
    public required string Metric { get; init; }

    /// <summary>Gets the measured value in the metric's unit.</summary>
    public required double Measured { get; init; }

    /// <summary>Gets the predicted value in the metric's unit, or null when the case cannot be predicted.</summary>
    public required double? Predicted { get; init; }

    /// <summary>Gets (predicted − measured) ÷ measured, in percent, or null.</summary>
    public required double? ErrorPercent { get; init; }

    /// <summary>Gets why the case cannot be predicted, or null.</summary>
    public required string? Error { get; init; }
}
