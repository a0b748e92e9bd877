using TokenCost.Catalogs;
using TokenCost.Costs;
using TokenCost.Estimation;
using TokenCost.Internal;
using TokenCost.Models;
using TokenCost.Pricing;
using TokenCost.Quality;
using static TokenCost.Audit.AuditFormat;

namespace TokenCost.Audit;

/// <summary>
/// Audits quantitative claims against the physics of the catalog: hard bounds first (memory capacity, the weight-read floor at 100 %
/// of peak bandwidth, peak compute, TDP), then what the calibrated roofline estimator and the token-cost calculator predict.
/// </summary>
/// <remarks>
/// <para>This type is immutable and thread-safe. Every number comes from <see cref="RooflineEstimator"/>, <see cref="TokenCostCalculator"/>,
/// <see cref="Speculative.SpeculativeDecoding"/> and the <see cref="Catalogs.Catalog"/>; tolerances are those of <see cref="AuditTolerance"/>.</para>
/// <para>Where a claim leaves a field open the audit tries the candidates of <see cref="AuditAssumptions"/>: when every candidate gives the same
/// verdict it is reported with the assumption; when they disagree the verdict is <see cref="ClaimVerdict.Unverifiable"/> and the explanation
/// names the assumption that would make the claim consistent. A claim worded as a possibility (a <c>fits</c> claim, or a quote with "can",
/// "could", "capable", "may" or "up to") is consistent when some candidate makes it so, and the audit names that candidate.</para>
/// </remarks>
public sealed partial class ClaimAuditor
{
    /// <summary>Initializes a new instance of the <see cref="ClaimAuditor"/> class.</summary>
    /// <param name="context">The pricing context: catalog, serving profiles, data-centre parameters, cost model, and the quality catalog quoted where a claim mentions accuracy.</param>
    /// <param name="assumptions">The assumptions, or null for the defaults.</param>
    public ClaimAuditor(PricingContext context, AuditAssumptions? assumptions = null)
    {
        Context = Guard.NotNull(context);
        Assumptions = assumptions ?? new AuditAssumptions();
    }

    /// <summary>Gets the pricing context.</summary>
    public PricingContext Context { get; }

    /// <summary>Gets the assumptions used where claims are silent.</summary>
    public AuditAssumptions Assumptions { get; }

    private Catalog Catalog => Context.Catalog;

    private QualityCatalog Quality => Context.Quality;

    private RooflineEstimator Estimator => Context.Estimator;

    private TokenCostCalculator Calculator => Context.Calculator;

    /// <summary>Audits every claim of a list, in order.</summary>
    /// <param name="claims">The claims.</param>
    /// <returns>One audit per claim.</returns>
    public IReadOnlyList<ClaimAudit> AuditAll(IEnumerable<Claim> claims)
    {
        ArgumentNullException.ThrowIfNull(claims);
        return claims.Select(Audit).ToList();
    }

    /// <summary>Audits one claim.</summary>
    /// <param name="claim">The claim.</param>
    /// <returns>The verdict with its bound, modelled value, assumptions and explanation. A claim naming an id the catalog lacks, or an
    /// unsupported metric, is <see cref="ClaimVerdict.Unverifiable"/> with the reason.</returns>
    public ClaimAudit Audit(Claim claim)
    {
        Guard.NotNull(claim);
        try
        {
            return claim.Kind switch
            {
                ClaimKind.Latency or ClaimKind.Throughput => AuditPerformance(claim),
                ClaimKind.TokenCost => AuditTokenCost(claim),
                ClaimKind.Fits => AuditFits(claim),
                ClaimKind.Ratio => AuditRatio(claim),
                ClaimKind.Spec => AuditSpec(claim),
                ClaimKind.Arithmetic => AuditArithmetic(claim),
                _ => AuditPower(claim),
            };
        }
        catch (UnknownIdException ex)
        {
            return Unverifiable(claim, "catalog lookup", ex.Message);
        }
        catch (ArgumentException ex)
        {
            return Unverifiable(claim, "configuration", ex.Message);
        }
    }

    private static ClaimAudit Unverifiable(Claim claim, string bound, string reason) => new()
    {
        Claim = claim,
        Verdict = ClaimVerdict.Unverifiable,
        Bound = new AuditBound { Name = bound, Formula = reason },
        Explanation = "The claim cannot be checked as stated: " + reason,
    };

    private static string Need(string? value, string field) =>
        value ?? throw new ArgumentException($"the claim does not state '{field}', which this metric needs.", field);

    private static double Need(double? value, string field) =>
        value ?? throw new ArgumentException($"the claim does not state '{field}', which this metric needs.", field);

    private static ClaimAudit Unsupported(Claim claim) =>
        Unverifiable(claim, "metric", Inv($"metric '{claim.Metric}' is not supported for kind '{ClaimMapper.Word(claim.Kind)}'."));

    /// <summary>Lays the devices out as one replica (the library's one layout rule, <see cref="DevicePlacement.Layout"/>).</summary>
    private DeploymentConfiguration Configure(string model, string hardware, string weights, int devices) =>
        DevicePlacement.Layout(Context, model, hardware, weights, Assumptions.Stack, devices);

    /// <summary>Finds the configuration for a claim: the stated device count, or the library's one device-count policy
    /// (<see cref="PricingContext.FitDeployment"/>: the fewest of 1, 2, 4, 8, 16, 24 … devices, up to <see cref="AuditAssumptions.MaxDevices"/>, whose memory holds weights + KV cache).</summary>
    private Layout Place(string model, string hardware, string weights, int? devices, int batch)
    {
        if (devices is int d)
        {
            var c = Configure(model, hardware, weights, d);
            var plan = Estimator.PlanMemory(c, Assumptions.ContextTokens, batch);
            return new Layout(c, plan, PhysicalBounds.Fits(plan, batch), false);
        }

        var placed = DevicePlacement.Fewest(Context, model, hardware, weights, Assumptions.Stack, Assumptions.ContextTokens, batch, Assumptions.MaxDevices, plan => PhysicalBounds.Fits(plan, batch));
        return new Layout(placed.Configuration, placed.Plan, placed.Fits, true);
    }

    private string ContextText => Inv($"{Assumptions.InputTokens} prompt + {Assumptions.OutputTokens} output tokens per sequence (decode at context {N(Assumptions.DecodeContext, 4)})");

    private string StackText => Inv($"serving stack '{Assumptions.Stack}' (profile: {Catalog.Profiles.Provenance})");

    private static AuditBound CapacityBound(Layout layout, int batch)
    {
        var p = layout.Plan;
        var kv = p.KvCachePerSequence * batch;
        var need = p.WeightsPerDevice + kv;
        return new AuditBound
        {
            Name = "memory capacity per device (weights + KV cache ≤ capacity)",
            Value = need.Gigabytes,
            Unit = "GB",
            Formula = Inv($"{N(p.WeightsPerDevice.Gigabytes)} GB weights + {N(kv.Gigabytes)} GB KV ({batch} × {p.ContextTokens} tokens) = {N(need.Gigabytes)} GB vs {N(p.Capacity.Gigabytes)} GB capacity"),
            Holds = layout.Fits,
        };
    }

    private static string LayoutText(Layout layout) => layout.Configuration.Devices == 1
        ? "1 device"
        : Inv($"{layout.Configuration.Devices} devices, tensor parallel {layout.Configuration.TensorParallel}");

    /// <summary>Quotes the quality catalog's MMLU results for a model in a format, best sourced first.</summary>
    private string QualityNote(string model, string format)
    {
        var rows = Quality.For(model, QualityCatalog.Mmlu).Where(q => q.Format == format && q.Loss > 0).OrderBy(q => q.IsEstimate).ToList();
        return rows.Count == 0
            ? Inv($" The quality catalog has no MMLU figure for {model} in {format}.")
            : " Quality catalog (MMLU 5-shot): " + string.Join("; ", rows.Select(q => Inv($"{q.Method} {N(q.Value)} vs {N(q.Baseline)}, a loss of {N(q.Loss, 2)} points ({Percent(q.RelativeLoss, 2)}; {q.Source}, {q.Table}{(q.IsEstimate ? ", unverified" : "")})"))) + ".";
    }

    private sealed record Layout(DeploymentConfiguration Configuration, MemoryPlan Plan, bool Fits, bool DevicesAssumed);
}
