namespace TokenCost.Serving;

/// <summary>A serving stack (the software that executes the model), identified as in the validation cases.</summary>
/// <remarks>This type is immutable and thread-safe. Its efficiency parameters live in <see cref="ServingProfiles"/>.</remarks>
public sealed record ServingStack
{
    /// <summary>Gets the stack id (for example <c>vllm</c>, <c>tensorrt-llm</c>, <c>unknown</c>).</summary>
    public required string Id { get; init; }

    /// <summary>Gets a one-line description.</summary>
    public string Description { get; init; } = "";

    /// <summary>Gets where the definition comes from.</summary>
    public required string Source { get; init; }
}
