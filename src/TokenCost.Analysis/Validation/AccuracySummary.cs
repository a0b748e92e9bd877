namespace TokenCost.Validation;

/// <summary>Error statistics of a set of predictions: median and 90th-percentile absolute percentage error and coverage.</summary>
/// <remarks>This type is immutable and thread-safe. Percentiles use the nearest-rank method.</remarks>
public sealed record AccuracySummary
{
    /// <summary>Gets the number of cases.</summary>
    public int Cases { get; internal init; }

    /// <summary>Gets the number of cases with a prediction.</summary>
    public int Predicted { get; internal init; }

    /// <summary>Gets predicted ÷ cases, in [0, 1].</summary>
    public double Coverage => Cases == 0 ? 0 : (double)Predicted / Cases;

    /// <summary>Gets the median absolute percentage error (%), or null without predictions.</summary>
    public double? MedianApe { get; internal init; }

    /// <summary>Gets the 90th-percentile absolute percentage error (%), or null without predictions.</summary>
    public double? P90Ape { get; internal init; }

    /// <summary>Summarises predictions.</summary>
    /// <param name="predictions">The predictions.</param>
    /// <returns>The summary.</returns>
    public static AccuracySummary Of(IEnumerable<CasePrediction> predictions)
    {
        ArgumentNullException.ThrowIfNull(predictions);
        var list = predictions.ToList();
        var apes = list.Where(p => p.AbsolutePercentageError is not null).Select(p => p.AbsolutePercentageError!.Value).Order().ToList();
        return new AccuracySummary { Cases = list.Count, Predicted = apes.Count, MedianApe = Percentile(apes, 0.5), P90Ape = Percentile(apes, 0.9) };
    }

    private static double? Percentile(List<double> sorted, double q)
    {
        if (sorted.Count == 0)
        {
            return null;
        }

        if (q == 0.5 && sorted.Count % 2 == 0)
        {
            return (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
        }

        var rank = (int)Math.Ceiling(q * sorted.Count);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Count - 1)];
    }
}
