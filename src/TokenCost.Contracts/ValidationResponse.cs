namespace TokenCost.Contracts;

/// <summary>Predictions against measurements (<c>tokencost validate --format json</c>).</summary>
public sealed record ValidationResponse
{
    /// <summary>Gets the version of this contract (docs/json.md).</summary>
    public int ContractVersion { get; init; } = TokenCost.Contracts.ContractVersion.Current;

    /// <summary>Gets every valid case line, in input order.</summary>
    public required IReadOnlyList<CaseResultResponse> Cases { get; init; }

    /// <summary>Gets the lines that are not valid cases, in input order (the command then exits with code 2).</summary>
    public required IReadOnlyList<InvalidLineResponse> InvalidLines { get; init; }

    /// <summary>Gets the accuracy over all cases.</summary>
    public required AccuracySummaryResponse All { get; init; }

    /// <summary>Gets the accuracy by metric id.</summary>
    public required IReadOnlyDictionary<string, AccuracySummaryResponse> ByMetric { get; init; }

    /// <summary>Gets the accuracy by hardware id.</summary>
    public required IReadOnlyDictionary<string, AccuracySummaryResponse> ByHardware { get; init; }

    /// <summary>Gets the accuracy by serving stack id.</summary>
    public required IReadOnlyDictionary<string, AccuracySummaryResponse> ByStack { get; init; }
}
