using TokenCost.Estimation;
using TokenCost.Internal;
using TokenCost.Models;
using TokenCost.Pricing;
using TokenCost.Quantities;

namespace TokenCost.Speculative;

/// <summary>
/// Speculative decoding: a cheap drafter proposes γ tokens, the target model verifies them in one forward pass over γ + 1 positions.
/// With per-token acceptance rate α, the expected tokens per verification step are (1 − α^(γ+1)) ÷ (1 − α).
/// </summary>
/// <remarks>This type is stateless and thread-safe. The step time comes from the roofline estimator (draft steps + one multi-token verification), not a constant.</remarks>
public static class SpeculativeDecoding
{
    /// <summary>The largest draft length γ modelled: 256 tokens (published drafters use γ ≤ 64; beyond a few hundred the verification pass
    /// is a prefill and the formula's assumptions no longer hold). Bounding γ keeps γ + 1 from overflowing and the optimum search cheap.</summary>
    public const int MaxDraftTokens = 256;

    /// <summary>Gets the expected tokens produced per verification step: (1 − α^(γ+1)) ÷ (1 − α), which is γ + 1 at α = 1.</summary>
    /// <param name="acceptanceRate">Per-token acceptance rate α, in [0, 1].</param>
    /// <param name="draftTokens">Tokens drafted per step γ, ≥ 1.</param>
    /// <returns>The expected tokens per step, in [1, γ + 1].</returns>
    public static double ExpectedTokensPerStep(double acceptanceRate, int draftTokens)
    {
        Guard.Fraction(acceptanceRate);
        CheckDraftTokens(draftTokens);
        return acceptanceRate >= 1 ? draftTokens + 1 : (1 - Math.Pow(acceptanceRate, draftTokens + 1)) / (1 - acceptanceRate);
    }

    /// <summary>
    /// Builds the drafter of an EAGLE-style head: one decoder layer of the target's shape that drafts from the target's hidden
    /// features and shares its embedding and output head.
    /// </summary>
    /// <param name="target">The target model.</param>
    /// <returns>A one-layer model with the target's widths.</returns>
    public static ModelArchitecture EagleHead(ModelArchitecture target)
    {
        ArgumentNullException.ThrowIfNull(target);
        // One layer of the target's main shape: an MoE layer for a mixture of experts, full attention (no window, no MTP of its own).
        return target with
        {
            Id = target.Id + "+eagle", Name = target.Name + " EAGLE head (1 decoder layer)", Layers = 1, DenseLayers = 0,
            SlidingWindow = 0, SlidingWindowLayers = 0, MultiTokenPredictionLayers = 0,
        };
    }

    /// <summary>
    /// Per-position acceptance rate assumed for a model's own multi-token-prediction module when a case or caller does not state it:
    /// 0.85, the low end of the 85–90 % acceptance of the second-token prediction that DeepSeek-V3's technical report gives for its
    /// MTP module (arXiv:2412.19437, §5.4.3) on natural text. Random-token benchmark prompts accept less.
    /// </summary>
    public static double DefaultMultiTokenPredictionAcceptanceRate { get; } = 0.85;

    /// <summary>
    /// Builds the drafter of multi-token prediction used as self-speculative decoding: the model's own MTP modules (DeepSeek-V3/R1: one),
    /// each one decoder layer of the main (MoE) shape that shares the embedding and output head; drafting γ tokens runs the module γ times.
    /// </summary>
    /// <param name="target">The target model; it must ship at least one MTP module.</param>
    /// <returns>The drafter: <see cref="ModelArchitecture.MultiTokenPredictionLayers"/> layers of the target's widths.</returns>
    /// <exception cref="ArgumentException">The model has no MTP module.</exception>
    /// <remarks>The module's input projection (2·hidden × hidden, 0.1 B parameters for DeepSeek-V3, under 1 % of the layer) is left out.</remarks>
    public static ModelArchitecture MultiTokenPredictionHead(ModelArchitecture target)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (target.MultiTokenPredictionLayers < 1)
        {
            throw new ArgumentException($"model '{target.Id}' ships no multi-token-prediction module; use an EAGLE head or a draft model.", nameof(target));
        }

        return target with
        {
            Id = target.Id + "+mtp", Name = target.Name + " MTP module", Layers = target.MultiTokenPredictionLayers, DenseLayers = 0,
            SlidingWindow = 0, SlidingWindowLayers = 0, MultiTokenPredictionLayers = 0,
        };
    }

    /// <summary>
    /// Estimates speculative decoding for a target deployment: per step, γ draft decode steps plus one target forward over γ + 1 new tokens
    /// at the given context; time per output token = step time ÷ expected tokens per step.
    /// </summary>
    /// <param name="context">The pricing context whose roofline estimator (serving profiles) times the steps.</param>
    /// <param name="target">The target deployment.</param>
    /// <param name="draft">The drafter deployment (same devices, its own model), for example with <see cref="EagleHead"/>.</param>
    /// <param name="acceptanceRate">Per-token acceptance rate α, in [0, 1].</param>
    /// <param name="draftTokens">Tokens drafted per step γ, ≥ 1.</param>
    /// <param name="batch">Sequences per replica, ≥ 1.</param>
    /// <param name="priorContext">Tokens already in each sequence's cache, ≥ 0.</param>
    /// <returns>The estimate.</returns>
    public static SpeculativeEstimate Estimate(PricingContext context, DeploymentConfiguration target, DeploymentConfiguration draft, double acceptanceRate, int draftTokens, int batch, double priorContext)
    {
        ArgumentNullException.ThrowIfNull(context);
        var estimator = context.Estimator;
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(draft);
        Guard.Positive(batch);
        var expected = ExpectedTokensPerStep(acceptanceRate, draftTokens);
        var baseline = estimator.Forward(target, batch, 1, priorContext).Time;
        var draftStep = estimator.Forward(draft, batch, 1, priorContext).Time;
        // A verification pass does a superset of one decode step's work (same weights and KV cache, more new tokens), so it is
        // never cheaper; the occupancy term of attention alone could otherwise make more new tokens look faster.
        var verify = TimeInterval.Max(estimator.Forward(target, batch, draftTokens + 1, priorContext).Time, baseline);
        var step = (draftStep * draftTokens) + verify;
        return new SpeculativeEstimate
        {
            AcceptanceRate = acceptanceRate,
            DraftTokens = draftTokens,
            ExpectedTokensPerStep = expected,
            DraftStepTime = draftStep,
            VerificationTime = verify,
            StepTime = step,
            TimePerOutputToken = step / expected,
            BaselineTimePerOutputToken = baseline,
        };
    }

    /// <summary>Finds the draft length γ in [1, <paramref name="maxDraftTokens"/>] with the lowest time per output token.</summary>
    /// <param name="context">The pricing context whose roofline estimator (serving profiles) times the steps.</param>
    /// <param name="target">The target deployment.</param>
    /// <param name="draft">The drafter deployment.</param>
    /// <param name="acceptanceRate">Per-token acceptance rate α, in [0, 1].</param>
    /// <param name="batch">Sequences per replica, ≥ 1.</param>
    /// <param name="priorContext">Tokens already in each sequence's cache, ≥ 0.</param>
    /// <param name="maxDraftTokens">The largest γ tried, ≥ 1.</param>
    /// <returns>The best estimate.</returns>
    public static SpeculativeEstimate Optimize(PricingContext context, DeploymentConfiguration target, DeploymentConfiguration draft, double acceptanceRate, int batch, double priorContext, int maxDraftTokens = 16)
    {
        CheckDraftTokens(maxDraftTokens);
        SpeculativeEstimate? best = null;
        for (var g = 1; g <= maxDraftTokens; g++)
        {
            var e = Estimate(context, target, draft, acceptanceRate, g, batch, priorContext);
            if (best is null || e.TimePerOutputToken < best.TimePerOutputToken)
            {
                best = e;
            }
        }

        return best!;
    }

    private static void CheckDraftTokens(int draftTokens, [System.Runtime.CompilerServices.CallerArgumentExpression(nameof(draftTokens))] string? name = null)
    {
        Guard.Positive(draftTokens, name);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(draftTokens, MaxDraftTokens, name);
    }

    /// <summary>
    /// Prices the output tokens of a speculative estimate: the deployment's cost per hour × time per output token ÷ sequences in flight,
    /// for one million tokens. The drafter runs on the same devices, so the hourly cost is the target deployment's.
    /// </summary>
    /// <param name="estimate">The speculative estimate.</param>
    /// <param name="deploymentCostPerHour">The cost per hour of the whole deployment (all devices), for example <c>TokenCostReport.TotalPerHour</c>.</param>
    /// <param name="sequencesInFlight">Sequences decoded concurrently across the deployment: batch × replicas, ≥ 1.</param>
    /// <returns>The cost of one million output tokens, in USD.</returns>
    /// <remarks>$/1M = rate (USD/h) × TPOT (h) × 10⁶ ÷ sequences. Energy is taken at the plain-decoding power, a small understatement when the drafter keeps the device busier.</remarks>
    public static Money CostPerMillionOutputTokens(SpeculativeEstimate estimate, HourlyRate deploymentCostPerHour, int sequencesInFlight)
    {
        ArgumentNullException.ThrowIfNull(estimate);
        Guard.Positive(sequencesInFlight);
        return Money.FromUsd(TokenFormulas.UsdPerMillionTokens(deploymentCostPerHour.UsdPerHour, TokenFormulas.DecodeTokensPerSecond(sequencesInFlight, 1, estimate.TimePerOutputToken.Seconds)));
    }
}
