namespace TokenCost.Economics.Curves;

/// <summary>Non-domination of points with two objectives that are both maximised.</summary>
/// <remarks>
/// Point p is dominated when some q has q.a ≥ p.a and q.b ≥ p.b with at least one strict; identical points do not dominate each other.
/// O(n log n): sort by a falling, then a point is on the front when its b exceeds every b of points with a strictly larger a and equals the
/// largest b among points with the same a.
/// </remarks>
internal static class ParetoFront
{
    public static bool[] Flags(IReadOnlyList<double> a, IReadOnlyList<double> b)
    {
        var flags = new bool[a.Count];
        var best = double.NegativeInfinity; // largest b among points with a strictly larger a than the current group
        foreach (var group in Enumerable.Range(0, a.Count).GroupBy(i => a[i]).OrderByDescending(g => g.Key))
        {
            var groupBest = group.Max(i => b[i]);
            foreach (var i in group)
            {
                flags[i] = b[i] > best && b[i] == groupBest;
            }

            best = Math.Max(best, groupBest);
        }

        return flags;
    }
}
