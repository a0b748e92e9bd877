namespace TokenCost.Hardware;

/// <summary>What the all-in power of a <see cref="PriceTier"/> includes (the <c>power_basis</c> column of <c>gpu_prices.csv</c>).</summary>
public enum AllInPowerBasis
{
    /// <summary><c>provisioned_utility</c>: all-in provisioned utility power per device, facility overhead (PUE) included.</summary>
    ProvisionedUtility,

    /// <summary><c>it_all_in</c>: all-in IT power per device (chip plus its share of host and NICs), facility overhead excluded.</summary>
    ItAllIn,
}
