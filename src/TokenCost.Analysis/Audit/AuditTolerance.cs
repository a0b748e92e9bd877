using System.Globalization;

namespace TokenCost.Audit;

/// <summary>
/// The tolerance rules of the audit. A published figure is read at the precision it is written with: "$500" means
/// [450, 550], "8.2 ms" means [8.15, 8.25] (half a unit in its last significant digit; trailing zeros of an integer are not significant).
/// </summary>
/// <remarks>
/// <para>This type is stateless and thread-safe. Rules:</para>
/// <para>Specification figures: within 5 % of the catalog (<see cref="MatchesSpecification"/>).</para>
/// <para>Equality (arithmetic, modelled ratios): |claimed − reference| ≤ max(<see cref="RelativeTolerance"/> × |reference|, half a unit in the claim's last digit).</para>
/// <para>Hard bounds (weight-read floor, peak compute, memory capacity, TDP): a claim beats a bound only when even the most favourable
/// reading of its rounded figure is beyond the bound by more than <see cref="HardBoundSlack"/> (catalog byte counts and group-scale
/// overheads are known to about 2 %).</para>
/// </remarks>
public static class AuditTolerance
{
    /// <summary>The relative tolerance of equality checks: 0.05 (5 %).</summary>
    public static double RelativeTolerance { get; } = 0.05;

    /// <summary>The relative slack allowed on hard physical bounds before a claim is said to beat them: 0.02 (2 %).</summary>
    public static double HardBoundSlack { get; } = 0.02;

    /// <summary>Gets half a unit in the last significant digit of a figure as written in shortest round-trip form (0.45 → 0.005, 500 → 50, 4.0 → 0.5).</summary>
    /// <param name="figure">The figure; finite.</param>
    /// <returns>The half unit, ≥ 0 (0 for zero).</returns>
    /// <exception cref="ArgumentOutOfRangeException">The figure is not finite.</exception>
    public static double HalfUnitOfLastDigit(double figure)
    {
        if (!double.IsFinite(figure))
        {
            throw new ArgumentOutOfRangeException(nameof(figure), figure, "the figure must be finite.");
        }

        if (figure == 0)
        {
            return 0;
        }

        var text = Math.Abs(figure).ToString("E14", CultureInfo.InvariantCulture); // d.dddddddddddddddE+xxx
        var e = text.IndexOf('E', StringComparison.Ordinal);
        var mantissa = text[..e].Replace(".", "", StringComparison.Ordinal).TrimEnd('0');
        var exponent = int.Parse(text[(e + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        var significant = Math.Max(1, mantissa.Length);
        return 0.5 * Math.Pow(10, exponent - significant + 1);
    }

    /// <summary>Gets whether a claimed figure equals a reference within the equality rule.</summary>
    /// <param name="claimed">The claimed figure.</param>
    /// <param name="reference">The computed or catalog value.</param>
    /// <returns><see langword="true"/> when they match; never for a non-finite value (an overflowing recomputation matches nothing).</returns>
    public static bool Matches(double claimed, double reference) =>
        double.IsFinite(claimed) && double.IsFinite(reference) && Math.Abs(claimed - reference) <= Math.Max(RelativeTolerance * Math.Abs(reference), HalfUnitOfLastDigit(claimed)) * (1 + 1e-12);

    /// <summary>Gets whether a claimed specification figure matches the catalog: within <see cref="RelativeTolerance"/> only (catalog specs are precise, so a round figure such as "100 GB" is not read loosely).</summary>
    /// <param name="claimed">The claimed figure.</param>
    /// <param name="reference">The catalog value.</param>
    /// <returns><see langword="true"/> when they match.</returns>
    public static bool MatchesSpecification(double claimed, double reference) =>
        double.IsFinite(claimed) && double.IsFinite(reference) && Math.Abs(claimed - reference) <= RelativeTolerance * Math.Abs(reference) * (1 + 1e-12);

    /// <summary>Gets whether a claimed quantity is below a hard lower bound (for example a time below the weight-read floor).</summary>
    /// <param name="claimed">The claimed figure.</param>
    /// <param name="floor">The lower bound, in the claim's unit.</param>
    /// <returns><see langword="true"/> when the claim beats the floor beyond rounding and slack.</returns>
    public static bool BelowFloor(double claimed, double floor) => claimed + HalfUnitOfLastDigit(claimed) < floor * (1 - HardBoundSlack);

    /// <summary>Gets whether a claimed quantity is above a hard upper bound (for example a rate above the bandwidth ceiling).</summary>
    /// <param name="claimed">The claimed figure.</param>
    /// <param name="ceiling">The upper bound, in the claim's unit.</param>
    /// <returns><see langword="true"/> when the claim beats the ceiling beyond rounding and slack.</returns>
    public static bool AboveCeiling(double claimed, double ceiling) => claimed - HalfUnitOfLastDigit(claimed) > ceiling * (1 + HardBoundSlack);
}
