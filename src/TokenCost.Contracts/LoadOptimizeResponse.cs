namespace TokenCost.Contracts;

/// <summary>The cheapest operating point under continuous batching that meets the limits (<c>tokencost optimize --min-user-tokens-per-second … --format json</c>).</summary>
public sealed record LoadOptimizeResponse
{
    /// <summary>Gets the version of this contract (docs/json.md).</summary>
    public int ContractVersion { get; init; } = TokenCost.Contracts.ContractVersion.Current;

    /// <summary>Gets a value indicating whether some operating point meets the objective.</summary>
    public required bool Feasible { get; init; }

    /// <summary>Gets the model id.</summary>
    public required string Model { get; init; }

    /// <summary>Gets the load model, in words.</summary>
    public required string Load { get; init; }

    /// <summary>Gets the price tier rented at, or null.</summary>
    public required string? PriceTier { get; init; }

    /// <summary>Gets the cheapest feasible point, or null.</summary>
    public required CurvePointResponse? Best { get; init; }

    /// <summary>Gets why the winning layout beat the other layouts of the same hardware, devices and weights, in words, or null when no other layout was feasible.</summary>
    public required string? LayoutReason { get; init; }

    /// <summary>Gets the objective searched for.</summary>
    public required LoadObjectiveResponse Objective { get; init; }

    /// <summary>Gets the operating points evaluated.</summary>
    public required int Evaluated { get; init; }

    /// <summary>Gets the configurations with a feasible point.</summary>
    public required int FeasibleCount { get; init; }

    /// <summary>Gets the cheapest feasible point of the best configurations (at most five), cheapest first.</summary>
    public required IReadOnlyList<CurvePointResponse> Candidates { get; init; }

    /// <summary>Gets the fastest evaluated point when nothing is feasible, else null.</summary>
    public required CurvePointResponse? Fastest { get; init; }

    /// <summary>Gets the candidates skipped, each with the reason.</summary>
    public required IReadOnlyList<string> Skipped { get; init; }
}
