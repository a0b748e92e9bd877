namespace TokenCost.Sweeps;

/// <summary>How far a sweep has got.</summary>
/// <remarks>This type is immutable and thread-safe.</remarks>
/// <param name="Completed">Points evaluated so far.</param>
/// <param name="Total">Points the sweep will evaluate.</param>
public readonly record struct SweepProgress(long Completed, long Total)
{
    /// <summary>Gets the fraction done, in [0, 1].</summary>
    public double Fraction => Total == 0 ? 1 : (double)Completed / Total;
}
