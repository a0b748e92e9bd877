namespace TokenCost.Contracts;

/// <summary>
/// The version of the JSON contracts (docs/json.md): every top-level JSON object that a command prints or the service answers carries it as
/// <c>contractVersion</c>. It rises whenever a key is renamed, removed or changes its type, unit or meaning; adding a key does not raise it.
/// </summary>
public static class ContractVersion
{
    /// <summary>Gets the current contract version (2: the vocabulary of docs/json.md; version 1 was the unversioned output before it).</summary>
    public static int Current => 2;
}
