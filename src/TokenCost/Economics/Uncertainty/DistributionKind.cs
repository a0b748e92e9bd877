namespace TokenCost.Economics.Uncertainty;

/// <summary>The family of an <see cref="UncertainValue"/>.</summary>
public enum DistributionKind
{
    /// <summary>No uncertainty: one value.</summary>
    Fixed,

    /// <summary>Lognormal: ln X ~ Normal(ln median, σ²).</summary>
    LogNormal,

    /// <summary>Triangular: minimum, mode and maximum.</summary>
    Triangular,

    /// <summary>Uniform between a minimum and a maximum.</summary>
    Uniform,
}
