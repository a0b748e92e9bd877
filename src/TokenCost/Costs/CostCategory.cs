namespace TokenCost.Costs;

/// <summary>The term of Token Cost = (Hardware + Energy + Serving) / Tokens that a cost component adds to.</summary>
public enum CostCategory
{
    /// <summary>Accelerator rental or amortised purchase.</summary>
    Hardware,

    /// <summary>Electricity for accelerators, servers and facility.</summary>
    Energy,

    /// <summary>Software, operations, licences and over-provisioning.</summary>
    Serving,
}
