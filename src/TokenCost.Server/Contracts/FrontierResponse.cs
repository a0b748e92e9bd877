namespace TokenCost.Server.Contracts;

/// <summary>The answer of <c>POST /v1/frontier</c>: the points <c>tokencost frontier --json</c> prints, and how many were evaluated.</summary>
internal sealed record FrontierResponse
{
    /// <summary>Gets the axes the points are non-dominated on.</summary>
    public required string Axes { get; init; }

    /// <summary>Gets the number of fitting points evaluated.</summary>
    public required int Evaluated { get; init; }

    /// <summary>Gets the points shown: non-dominated (ordered as the CLI orders them), or all when asked.</summary>
    public required IReadOnlyList<FrontierPointResponse> Points { get; init; }
}
