namespace TokenCost.Audit;

/// <summary>The verdict vocabulary of a claims file (see the file's <c>verdicts</c> section for the wording).</summary>
public enum ClaimVerdict
{
    /// <summary>The claim is within what physics and the model allow (the audit says at what assumed batch and efficiency).</summary>
    Consistent,

    /// <summary>The claim beats a hard physical bound (for example a time per token below the time to read the weights once at full bandwidth).</summary>
    Optimistic,

    /// <summary>The configuration as stated cannot run (for example the weights do not fit in the stated memory).</summary>
    Infeasible,

    /// <summary>The claim's own arithmetic, or its specification figures, do not match.</summary>
    Inconsistent,

    /// <summary>Not enough is stated; the audit names the assumption that would make the claim consistent.</summary>
    Unverifiable,
}
