namespace TokenCost.Economics.Batching;

/// <summary>Queueing formulas: Erlang C, truncated Poisson quantiles, harmonic numbers.</summary>
internal static class Queueing
{
    /// <summary>Erlang C: the probability an arrival waits in M/M/c with offered load a = λ ÷ μ (a &lt; c), via the stable Erlang-B recursion.</summary>
    public static double ErlangC(int servers, double load)
    {
        if (load <= 0)
        {
            return 0;
        }

        // Erlang B recursion: B(0) = 1, B(k) = a·B(k−1) ÷ (k + a·B(k−1)).
        var b = 1.0;
        for (var k = 1; k <= servers; k++)
        {
            b = load * b / (k + (load * b));
        }

        var rho = load / servers;
        return b / (1 - (rho * (1 - b)));
    }

    /// <summary>The smallest k in [0, c] with P(N ≤ k) ≥ p for N ~ Poisson(a) truncated to [0, c].</summary>
    public static int TruncatedPoissonQuantile(double load, int servers, double p)
    {
        var logs = new double[servers + 1];
        var max = double.NegativeInfinity;
        for (var k = 0; k <= servers; k++)
        {
            logs[k] = (k * Math.Log(Math.Max(load, 1e-300))) - load - MathNet.Numerics.SpecialFunctions.GammaLn(k + 1);
            max = Math.Max(max, logs[k]);
        }

        var total = logs.Sum(l => Math.Exp(l - max));
        var cumulative = 0.0;
        for (var k = 0; k <= servers; k++)
        {
            cumulative += Math.Exp(logs[k] - max) / total;
            if (cumulative >= p - 1e-12)
            {
                return k;
            }
        }

        return servers;
    }

    /// <summary>The n-th harmonic number 1 + 1/2 + … + 1/n: the expected maximum of n exponential lengths in units of their mean.</summary>
    public static double Harmonic(int n)
    {
        var h = 0.0;
        for (var k = 1; k <= n; k++)
        {
            h += 1.0 / k;
        }

        return h;
    }
}
