namespace TokenCost.Contracts;

/// <summary>The cheapest static-batch configuration that meets the limits (<c>tokencost optimize --format json</c>, <c>POST /v1/optimize</c>).</summary>
public sealed record OptimizeResponse
{
    /// <summary>Gets the version of this contract (docs/json.md).</summary>
    public int ContractVersion { get; init; } = TokenCost.Contracts.ContractVersion.Current;

    /// <summary>Gets a value indicating whether some configuration fits and meets the objective.</summary>
    public required bool Feasible { get; init; }

    /// <summary>Gets the model id.</summary>
    public required string Model { get; init; }

    /// <summary>Gets the cheapest feasible point, or null.</summary>
    public required FrontierPointResponse? Best { get; init; }

    /// <summary>Gets the objective searched for.</summary>
    public required ObjectiveResponse Objective { get; init; }

    /// <summary>Gets the fitting points evaluated.</summary>
    public required int Evaluated { get; init; }

    /// <summary>Gets the evaluated points that met the objective.</summary>
    public required int FeasibleCount { get; init; }

    /// <summary>Gets the fastest evaluated point when nothing is feasible, else null.</summary>
    public required FrontierPointResponse? Fastest { get; init; }

    /// <summary>Gets the candidates skipped before evaluation, each with the reason.</summary>
    public required IReadOnlyList<string> Skipped { get; init; }
}
