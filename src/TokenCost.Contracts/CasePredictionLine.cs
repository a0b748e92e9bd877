namespace TokenCost.Contracts;

/// <summary>One line of <c>tokencost predict</c> (JSON Lines, one per case line, in input order): the prediction, or the error of an invalid line.</summary>
public sealed record CasePredictionLine
{
    /// <summary>Gets the version of this contract (docs/json.md).</summary>
    public int ContractVersion { get; init; } = TokenCost.Contracts.ContractVersion.Current;

    /// <summary>Gets the case's id, or null when the line has none.</summary>
    public required string? Id { get; init; }

    /// <summary>Gets the case's metric id, or null on error.</summary>
    public required string? Metric { get; init; }

    /// <summary>Gets the predicted value in the metric's unit, or null on error.</summary>
    public required double? Predicted { get; init; }

    /// <summary>Gets what bounds the predicted step (memory, compute, overhead), or null on error.</summary>
    public required string? Bound { get; init; }

    /// <summary>Gets why the line could not be predicted, or null.</summary>
    public required string? Error { get; init; }
}
