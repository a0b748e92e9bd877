namespace TokenCost.Estimation;

/// <summary>
/// Sequences of one engine iteration that share a shape: <see cref="Sequences"/> sequences each process <see cref="NewTokens"/> new tokens
/// after <see cref="PriorContext"/> tokens already in their KV cache. Values may be fractional (steady-state means); an empty group is all zeros.
/// </summary>
internal readonly record struct SequenceGroup(double Sequences, double NewTokens, double PriorContext)
{
    /// <summary>Gets the new tokens of the group: sequences × new tokens per sequence.</summary>
    public double Tokens => Sequences * NewTokens;
}
