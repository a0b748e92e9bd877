using System.Globalization;
using MathNet.Numerics.Distributions;
using TokenCost.Internal;

namespace TokenCost.Economics.Uncertainty;

/// <summary>
/// A distribution of an uncertain, non-negative input: fixed, lognormal (median and log-space sigma), triangular or uniform.
/// Sampling and quantiles use Math.NET Numerics internally.
/// </summary>
/// <remarks>This type is immutable and thread-safe. Its parameters are finite; samples and quantiles are never negative.</remarks>
public sealed record UncertainValue
{
    private UncertainValue(DistributionKind kind, double a, double b, double c)
    {
        Kind = kind;
        A = a;
        B = b;
        C = c;
    }

    /// <summary>Gets the distribution family.</summary>
    public DistributionKind Kind { get; }

    /// <summary>Gets the median of the distribution.</summary>
    public double Median => Quantile(0.5);

    private double A { get; }

    private double B { get; }

    private double C { get; }

    /// <summary>Creates a value without uncertainty.</summary>
    /// <param name="value">The value, finite and ≥ 0.</param>
    /// <returns>The distribution.</returns>
    public static UncertainValue Fixed(double value) => new(DistributionKind.Fixed, Guard.NonNegativeFinite(value), 0, 0);

    /// <summary>Creates a lognormal value: ln X ~ Normal(ln median, sigma²). A sigma of 0.25 puts P10–P90 at about ×0.73–×1.38 of the median.</summary>
    /// <param name="median">The median, finite and &gt; 0.</param>
    /// <param name="sigma">The standard deviation of ln X, finite and ≥ 0.</param>
    /// <returns>The distribution.</returns>
    public static UncertainValue LogNormal(double median, double sigma) =>
        Guard.NonNegativeFinite(sigma) == 0 ? Fixed(median) : new(DistributionKind.LogNormal, Guard.PositiveFinite(median), sigma, 0);

    /// <summary>Creates a triangular value.</summary>
    /// <param name="min">The lower limit, finite and ≥ 0.</param>
    /// <param name="mode">The most likely value, in [min, max].</param>
    /// <param name="max">The upper limit, finite and ≥ min.</param>
    /// <returns>The distribution.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The limits are out of order.</exception>
    public static UncertainValue Triangular(double min, double mode, double max)
    {
        Guard.NonNegativeFinite(min);
        Guard.NonNegativeFinite(mode);
        Guard.NonNegativeFinite(max);
        if (!(min <= mode && mode <= max))
        {
            throw new ArgumentOutOfRangeException(nameof(mode), mode, string.Create(CultureInfo.InvariantCulture, $"a triangular distribution needs min ≤ mode ≤ max; got {min}, {mode}, {max}."));
        }

        return min == max ? Fixed(min) : new(DistributionKind.Triangular, min, mode, max);
    }

    /// <summary>Creates a uniform value.</summary>
    /// <param name="min">The lower limit, finite and ≥ 0.</param>
    /// <param name="max">The upper limit, finite and ≥ min.</param>
    /// <returns>The distribution.</returns>
    public static UncertainValue Uniform(double min, double max)
    {
        Guard.NonNegativeFinite(min);
        if (!double.IsFinite(max) || max < min)
        {
            throw new ArgumentOutOfRangeException(nameof(max), max, string.Create(CultureInfo.InvariantCulture, $"max must be a finite number ≥ min ({min}); got {max}."));
        }

        return min == max ? Fixed(min) : new(DistributionKind.Uniform, min, max, 0);
    }

    /// <summary>Gets the value below which a fraction <paramref name="probability"/> of the distribution lies.</summary>
    /// <param name="probability">The probability, in (0, 1).</param>
    /// <returns>The quantile.</returns>
    public double Quantile(double probability)
    {
        if (!double.IsFinite(probability) || probability <= 0 || probability >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(probability), probability, "probability must be in (0, 1).");
        }

        return Kind switch
        {
            DistributionKind.LogNormal => Math.Exp(Math.Log(A) + (B * Normal.InvCDF(0, 1, probability))),
            DistributionKind.Triangular => MathNet.Numerics.Distributions.Triangular.InvCDF(A, C, B, probability),
            DistributionKind.Uniform => A + ((B - A) * probability),
            _ => A,
        };
    }

    /// <summary>Returns a description such as "lognormal(median 2.99, σ 0.25)".</summary>
    /// <returns>The description, in invariant culture.</returns>
    public override string ToString() => Kind switch
    {
        DistributionKind.LogNormal => string.Create(CultureInfo.InvariantCulture, $"lognormal(median {A:G4}, σ {B:G3})"),
        DistributionKind.Triangular => string.Create(CultureInfo.InvariantCulture, $"triangular({A:G4}, {B:G4}, {C:G4})"),
        DistributionKind.Uniform => string.Create(CultureInfo.InvariantCulture, $"uniform({A:G4}, {B:G4})"),
        _ => string.Create(CultureInfo.InvariantCulture, $"fixed {A:G4}"),
    };

    /// <summary>Draws one sample with the given random source (inverse-CDF sampling, so one uniform draw per sample).</summary>
    internal double Sample(System.Random random) => Kind == DistributionKind.Fixed ? A : Quantile(Math.Clamp(random.NextDouble(), 1e-12, 1 - 1e-12));
}
