namespace TokenCost.Audit;

/// <summary>
/// The bound or reference value that decides a verdict: for example the weight-read floor (weight bytes ÷ peak memory bandwidth),
/// weights + KV cache versus memory capacity, or the exact result of the claim's own arithmetic.
/// </summary>
/// <remarks>This type is immutable and thread-safe. <see cref="Value"/> is in <see cref="Unit"/>, the same unit as the claim's metric where one applies.</remarks>
public sealed record AuditBound
{
    /// <summary>Gets a short name of the bound, for example <c>weight-read floor</c>.</summary>
    public string Name { get; internal init; } = null!;

    /// <summary>Gets the bound's value in <see cref="Unit"/>, or null for a yes/no bound (see <see cref="Holds"/>).</summary>
    public double? Value { get; internal init; }

    /// <summary>Gets the unit of <see cref="Value"/>, for example <c>ms</c> or <c>GB</c>.</summary>
    public string Unit { get; internal init; } = "";

    /// <summary>Gets the formula with the numbers substituted, for example <c>37.4 GB ÷ 3.35 TB/s</c>.</summary>
    public string Formula { get; internal init; } = null!;

    /// <summary>Gets whether a yes/no bound holds (for example whether the weights fit), or null for a numeric bound.</summary>
    public bool? Holds { get; internal init; }
}
