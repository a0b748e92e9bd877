namespace TokenCost.Audit;

/// <summary>The audit of one claim: verdict, modelled value, the deciding bound, the assumptions used where the claim is silent, and why.</summary>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed record ClaimAudit
{
    /// <summary>Gets the claim audited.</summary>
    public Claim Claim { get; internal init; } = null!;

    /// <summary>Gets the verdict.</summary>
    public ClaimVerdict Verdict { get; internal init; }

    /// <summary>Gets TokenCost's modelled value in the claim's metric (calibrated estimator or exact arithmetic), or null when none applies.</summary>
    public double? Modeled { get; internal init; }

    /// <summary>Gets TokenCost's modelled yes/no value for yes/no claims, or null.</summary>
    public bool? ModeledFlag { get; internal init; }

    /// <summary>Gets the bound that decides the verdict.</summary>
    public AuditBound Bound { get; internal init; } = null!;

    /// <summary>Gets the assumptions used where the claim is silent (batch, serving stack, price, devices, context, formats).</summary>
    public IReadOnlyList<string> Assumptions { get; internal init; } = [];

    /// <summary>Gets a one-paragraph explanation of the verdict.</summary>
    public string Explanation { get; internal init; } = null!;
}
