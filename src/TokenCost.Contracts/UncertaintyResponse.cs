namespace TokenCost.Contracts;

/// <summary>Monte Carlo uncertainty of the token cost (<c>tokencost uncertainty --format json</c>).</summary>
public sealed record UncertaintyResponse
{
    /// <summary>Gets the version of this contract (docs/json.md).</summary>
    public int ContractVersion { get; init; } = TokenCost.Contracts.ContractVersion.Current;

    /// <summary>Gets the model id.</summary>
    public required string Model { get; init; }

    /// <summary>Gets the hardware id.</summary>
    public required string Hardware { get; init; }

    /// <summary>Gets the sequences per replica.</summary>
    public required int Batch { get; init; }

    /// <summary>Gets the distribution of the cost of one million output tokens, in USD.</summary>
    public required CostDistributionResponse CostPerMillionOutputTokensUsd { get; init; }

    /// <summary>Gets the Monte Carlo samples.</summary>
    public required int Samples { get; init; }

    /// <summary>Gets the random seed.</summary>
    public required int Seed { get; init; }

    /// <summary>Gets the tornado table, largest swing first.</summary>
    public required IReadOnlyList<SensitivityResponse> Sensitivity { get; init; }
}
