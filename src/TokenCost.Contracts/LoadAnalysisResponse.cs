namespace TokenCost.Contracts;

/// <summary>Batching under load (<c>tokencost load --format json</c>).</summary>
public sealed record LoadAnalysisResponse
{
    /// <summary>Gets the version of this contract (docs/json.md).</summary>
    public int ContractVersion { get; init; } = TokenCost.Contracts.ContractVersion.Current;

    /// <summary>Gets the model id.</summary>
    public required string Model { get; init; }

    /// <summary>Gets the hardware id.</summary>
    public required string Hardware { get; init; }

    /// <summary>Gets the accelerators of the whole deployment.</summary>
    public required int Devices { get; init; }

    /// <summary>Gets the KV-cache allocation strategies compared.</summary>
    public required IReadOnlyList<KvAllocationResponse> KvAllocation { get; init; }

    /// <summary>Gets the batching policies compared.</summary>
    public required IReadOnlyList<BatchingPolicyResponse> Policies { get; init; }
}
