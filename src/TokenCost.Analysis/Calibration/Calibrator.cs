using TokenCost.Catalogs;
using TokenCost.Internal;
using TokenCost.Pricing;
using TokenCost.Serialization;
using TokenCost.Serving;
using TokenCost.Validation;

namespace TokenCost.Calibration;

/// <summary>
/// Fits serving-stack profiles to measured cases by robust (soft-L1) nonlinear least squares on ln(predicted ÷ measured),
/// with bounded parameters and weak priors that pull each stack's values toward the generic profile; cross-validates the fit.
/// </summary>
/// <remarks>
/// <para>This type is immutable and thread-safe.</para>
/// <para>Fitted: per stack with cases, bandwidth and compute efficiency and per-layer and per-step overhead; generic values of the
/// same four (used by stacks without cases and the <c>unknown</c> stack); shared attention efficiency and occupancy, interconnect
/// efficiency and collective latency, weight-read efficiency of int4, q4_0, q4_k_m, fp4 and mxfp4; GEMM efficiency of fp4 activations; the three power-model fractions; per stack,
/// the continuous-batching iteration overhead, streaming per-sequence overhead and routed (MoE) layer overhead; per vendor other than NVIDIA, a bandwidth factor.
/// Cases count by <see cref="CaseWeight"/> ÷ √(cases in their series: same configuration and metric, differing only in batch).
/// Cases tagged <c>quality=anomalous</c> are not fitted (they are still validated).</para>
/// </remarks>
public sealed class Calibrator
{
    /// <summary>The soft-L1 scale in natural-log units: residuals beyond about 15 % count linearly, not quadratically; it is also the assumed measurement spread that weighs data against the priors.</summary>
    public static double LossScale { get; } = 0.15;

    private static readonly Lazy<ServingProfiles> Priors = new(LoadPriors, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly PricingContext _context;

    /// <summary>Gets the priors calibration starts from by default (<c>Data/profile-priors.json</c>: hand-set values from the estimator study), so that a fit does not depend on the previously shipped fit.</summary>
    public static ServingProfiles DefaultPriors => Priors.Value;

    /// <summary>Initializes a new instance of the <see cref="Calibrator"/> class.</summary>
    /// <param name="context">The pricing context whose catalog resolves the cases' ids (its profiles are not the starting point: see <see cref="DefaultPriors"/>).</param>
    public Calibrator(PricingContext context) => _context = Guard.NotNull(context);

    /// <summary>Fits profiles to cases.</summary>
    /// <param name="cases">The measured cases.</param>
    /// <param name="initial">The starting profiles and priors (null = the catalog's).</param>
    /// <param name="provenance">The provenance recorded in the result.</param>
    /// <returns>The result.</returns>
    /// <exception cref="ArgumentException">No case can be modelled.</exception>
    public CalibrationResult Fit(IReadOnlyList<ValidationCase> cases, ServingProfiles? initial = null, string provenance = "calibrated")
    {
        ArgumentNullException.ThrowIfNull(cases);
        initial ??= DefaultPriors;
        var prepared = new List<PreparedCase>();
        foreach (var c in cases.Where(c => !c.Tags.Anomalous))
        {
            try
            {
                var p = CasePredictor.Prepare(c, _context.Catalog);
                p.Evaluate(initial, out _);
                prepared.Add(p);
            }
            catch (Exception ex) when (ex is ArgumentException or InputFileException or InvalidOperationException)
            {
                // A case the model cannot represent does not enter the fit.
            }
        }

        if (prepared.Count == 0)
        {
            throw new ArgumentException("no case can be modelled, so nothing can be fitted.", nameof(cases));
        }

        var vendorHardware = _context.Catalog.Hardware.GroupBy(h => h.Vendor, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Select(h => h.Id).ToArray(), StringComparer.Ordinal);
        var space = new ParameterSpace(initial, prepared.Select(p => p.Case.ServingStack).Where(s => s != "unknown"), vendorHardware, prepared.Select(p => p.Target.Hardware.Vendor));
        var series = prepared.GroupBy(p => SeriesKey(p.Case), StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var weights = prepared.Select(p => Math.Sqrt(CaseWeight(p.Case) / Math.Sqrt(series[SeriesKey(p.Case)]))).ToArray();
        double[] Residuals(double[] u)
        {
            var profiles = space.ToProfiles(u, provenance);
            var r = new double[prepared.Count + space.Count];
            for (var i = 0; i < prepared.Count; i++)
            {
                double e;
                try
                {
                    var v = prepared[i].Evaluate(profiles, out _);
                    e = Math.Log(v / prepared[i].Case.Value);
                }
                catch (ArgumentException)
                {
                    e = 5;
                }

                r[i] = RobustLeastSquares.SoftL1(double.IsFinite(e) ? e : 5, LossScale) / LossScale * weights[i];
            }

            space.PriorResiduals(u, r.AsSpan(prepared.Count));
            return r;
        }

        var (u, cost, iterations) = RobustLeastSquares.Minimize(Residuals, space.Initial());
        var parameters = new Dictionary<string, double>(StringComparer.Ordinal);
        for (var i = 0; i < space.Count; i++)
        {
            parameters[space.Parameters[i].FullName] = ParameterSpace.ToValue(space.Parameters[i], u[i]);
        }

        return new CalibrationResult { Profiles = space.ToProfiles(u, provenance), Parameters = parameters, CasesUsed = prepared.Count, Iterations = iterations, Cost = cost };
    }

    /// <summary>
    /// Gets how much a case counts in the fit, from what its source leaves unstated: 1 for a fully specified case, halved when the
    /// exact hardware variant is assumed (<c>hardware_variant=assumed</c>), halved when the numeric formats are assumed
    /// (<c>precision=assumed</c>), and halved when the prompt or output length is not stated. A rule on metadata, never on ids or values:
    /// under-specified cases still inform the fit, but cannot outvote fully specified measurements of the same stack.
    /// </summary>
    /// <param name="validationCase">The case.</param>
    /// <returns>The weight, in (0, 1].</returns>
    public static double CaseWeight(ValidationCase validationCase)
    {
        ArgumentNullException.ThrowIfNull(validationCase);
        var w = 1.0;
        if (validationCase.Tags.HardwareVariantAssumed)
        {
            w *= 0.5;
        }

        if (validationCase.Tags.PrecisionAssumed)
        {
            w *= 0.5;
        }

        if (validationCase.InputTokens is null || validationCase.OutputTokens is null)
        {
            w *= 0.5;
        }

        return w;
    }

    /// <summary>
    /// Cross-validates: for each group of cases, fits on all other cases and predicts the group's cases with that fit.
    /// </summary>
    /// <param name="cases">The cases.</param>
    /// <param name="group">The held-out group of each case (for example its hardware id).</param>
    /// <param name="initial">The starting profiles and priors (null = the catalog's).</param>
    /// <returns>One out-of-sample prediction per case, in input order.</returns>
    public IReadOnlyList<CasePrediction> CrossValidate(IReadOnlyList<ValidationCase> cases, Func<ValidationCase, string> group, ServingProfiles? initial = null)
    {
        ArgumentNullException.ThrowIfNull(cases);
        ArgumentNullException.ThrowIfNull(group);
        var result = new CasePrediction[cases.Count];
        var groups = cases.Select((c, i) => (Case: c, Index: i, Group: group(c))).GroupBy(t => t.Group, StringComparer.Ordinal).ToList();
        foreach (var g in groups)
        {
            var training = cases.Where(c => !string.Equals(group(c), g.Key, StringComparison.Ordinal)).ToList();
            var profiles = training.Count > 0 ? Fit(training, initial).Profiles : initial ?? DefaultPriors;
            var predictor = new CasePredictor(_context.WithProfiles(profiles));
            foreach (var (c, index, _) in g)
            {
                result[index] = predictor.Predict(c);
            }
        }

        return result;
    }

    /// <summary>Assigns cases to <paramref name="folds"/> folds by a fixed pseudo-random permutation of their ids (reproducible).</summary>
    /// <param name="cases">The cases.</param>
    /// <param name="folds">The number of folds, ≥ 2.</param>
    /// <returns>A function giving each case's fold name.</returns>
    public static Func<ValidationCase, string> KFold(IReadOnlyList<ValidationCase> cases, int folds)
    {
        ArgumentNullException.ThrowIfNull(cases);
        Guard.Positive(folds);
        var order = cases.Select(c => c.Id).OrderBy(StableHash).ThenBy(id => id, StringComparer.Ordinal).ToList();
        var fold = order.Select((id, i) => (id, i % folds)).ToDictionary(t => t.id, t => "fold" + t.Item2.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparer.Ordinal);
        return c => fold[c.Id];
    }

    /// <summary>
    /// The series a case belongs to: the same model, hardware, layout, formats, stack, lengths, load and metric, differing only in
    /// batch or concurrency. A sweep of n points shares every systematic error of its configuration, so together it counts like √n
    /// independent cases (each point 1 ÷ √n): a long concurrency sweep informs the fit without outvoting other configurations.
    /// </summary>
    private static string SeriesKey(ValidationCase c) => string.Join(
        '|',
        c.Model,
        c.Hardware,
        c.Devices.ToString(System.Globalization.CultureInfo.InvariantCulture),
        c.TensorParallel?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-",
        c.PipelineParallel?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-",
        c.Weights ?? "-",
        c.Activations ?? "-",
        c.KvCache ?? "-",
        c.ServingStack,
        c.InputTokens?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-",
        c.OutputTokens?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-",
        c.Tags.Load?.ToString() ?? "-",
        c.Metric.Id());

    private static ServingProfiles LoadPriors()
    {
        using var stream = typeof(Calibrator).Assembly.GetManifestResourceStream("TokenCost.Data.profile-priors.json")
            ?? throw new CatalogException("profile-priors.json", null, "embedded resource is missing from the assembly");
        using var reader = new StreamReader(stream);
        return ServingProfiles.Parse(reader.ReadToEnd(), "profile-priors.json");
    }

    private static uint StableHash(string s)
    {
        var h = 2166136261u;
        foreach (var ch in s)
        {
            h = (h ^ ch) * 16777619u;
        }

        return h;
    }
}
