using MathNet.Numerics.LinearAlgebra;

namespace TokenCost.Calibration;

/// <summary>
/// Levenberg–Marquardt on a residual vector with a numerical (forward-difference) Jacobian; the linear steps are solved with
/// MathNet.Numerics. Robustness comes from the caller's residual transform (soft-L1), so the sum of squares equals the robust cost.
/// </summary>
internal static class RobustLeastSquares
{
    /// <summary>Soft-L1 residual transform: returns ρ̃ with ρ̃² = 2f²(√(1 + (e/f)²) − 1), sign of e kept.</summary>
    public static double SoftL1(double e, double scale) => Math.Sign(e) * Math.Sqrt(2 * scale * scale * (Math.Sqrt(1 + ((e / scale) * (e / scale))) - 1));

    public static (double[] X, double Cost, int Iterations) Minimize(Func<double[], double[]> residuals, double[] start, int maxIterations = 200, double tolerance = 1e-10)
    {
        var x = (double[])start.Clone();
        var r = residuals(x);
        var cost = SumSquares(r);
        var lambda = 1e-2;
        var n = x.Length;
        var iterations = 0;
        for (; iterations < maxIterations; iterations++)
        {
            var jacobian = Jacobian(residuals, x, r);
            var jt = jacobian.Transpose();
            var jtj = jt * jacobian;
            var g = jt * Vector<double>.Build.DenseOfArray(r);
            var improved = false;
            for (var attempt = 0; attempt < 12; attempt++)
            {
                var a = jtj.Clone();
                for (var i = 0; i < n; i++)
                {
                    a[i, i] += lambda * (jtj[i, i] + 1e-6);
                }

                var step = a.Cholesky().Solve(-g);
                var candidate = new double[n];
                for (var i = 0; i < n; i++)
                {
                    candidate[i] = Math.Clamp(x[i] + step[i], -12, 12);
                }

                var rc = residuals(candidate);
                var cc = SumSquares(rc);
                if (double.IsFinite(cc) && cc < cost)
                {
                    var relative = (cost - cc) / Math.Max(cost, 1e-300);
                    x = candidate;
                    r = rc;
                    cost = cc;
                    lambda = Math.Max(lambda / 3, 1e-9);
                    improved = relative > tolerance;
                    break;
                }

                lambda *= 4;
            }

            if (!improved)
            {
                break;
            }
        }

        return (x, cost, iterations);
    }

    private static Matrix<double> Jacobian(Func<double[], double[]> residuals, double[] x, double[] r)
    {
        var m = r.Length;
        var n = x.Length;
        var jacobian = Matrix<double>.Build.Dense(m, n);
        var columns = new double[n][];
        Parallel.For(0, n, j =>
        {
            var xp = (double[])x.Clone();
            var h = 1e-4 * Math.Max(1, Math.Abs(x[j]));
            xp[j] += h;
            var rp = residuals(xp);
            var col = new double[m];
            for (var i = 0; i < m; i++)
            {
                col[i] = (rp[i] - r[i]) / h;
            }

            columns[j] = col;
        });
        for (var j = 0; j < n; j++)
        {
            jacobian.SetColumn(j, columns[j]);
        }

        return jacobian;
    }

    private static double SumSquares(double[] r)
    {
        var s = 0.0;
        foreach (var v in r)
        {
            s += v * v;
        }

        return s;
    }
}
