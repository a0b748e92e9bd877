namespace TokenCost.Contracts;

/// <summary>A case-file line that is not a valid case.</summary>
public sealed record InvalidLineResponse
{
    /// <summary>Gets the line's id, or null when it has none.</summary>
    public required string? Id { get; init; }

    /// <summary>Gets why the line is invalid, naming the file and line.</summary>
    public required string Error { get; init; }
}
