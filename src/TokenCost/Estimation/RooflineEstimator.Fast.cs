using TokenCost.Internal;
using TokenCost.Quantities;

namespace TokenCost.Estimation;

// The allocation-free fast path: the same physics as Estimate (it calls the same internal Forward and PlanMemory),
// with the configuration validated and its profile resolved once, and only the headline numbers returned.
// ServingProfiles.For allocates a profile (a `with` copy) for hardware that has a bandwidth factor, so Prepare resolves it
// once per deployment instead of once per estimate.
public sealed partial class RooflineEstimator
{
    /// <summary>Checks a deployment once and resolves its efficiency profile, for repeated <see cref="Summarize(PreparedDeployment, int?, int, int, HourlyRate?)"/> calls.</summary>
    /// <param name="configuration">The deployment.</param>
    /// <returns>The prepared deployment.</returns>
    /// <exception cref="ArgumentException">The configuration is inconsistent (see <see cref="DeploymentConfiguration.Validate"/>) or its hardware lists no peak compute rate.</exception>
    public PreparedDeployment Prepare(DeploymentConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        configuration.Validate();
        var anyPeak = false;
        foreach (var rate in configuration.Hardware.PeakCompute.Values)
        {
            anyPeak |= rate > FlopRate.Zero;
        }

        if (!anyPeak)
        {
            throw new ArgumentException($"hardware '{configuration.Hardware.Id}' lists no peak compute rate.", nameof(configuration));
        }

        return new PreparedDeployment(configuration, ProfileFor(configuration), Profiles);
    }

    /// <summary>Estimates a deployment's headline numbers; equal to what <see cref="Estimate"/> reports for the same inputs.</summary>
    /// <param name="configuration">The deployment.</param>
    /// <param name="workload">The workload.</param>
    /// <param name="pricePerDeviceHour">The all-in price of one device-hour for the cost figure, or null for no cost.</param>
    /// <returns>The summary.</returns>
    /// <exception cref="ArgumentException">The configuration is inconsistent.</exception>
    public EstimateSummary Summarize(DeploymentConfiguration configuration, Workload workload, HourlyRate? pricePerDeviceHour)
    {
        ArgumentNullException.ThrowIfNull(workload);
        return Summarize(Prepare(configuration), workload.Batch, workload.InputTokens, workload.OutputTokens, pricePerDeviceHour);
    }

    /// <summary>
    /// Estimates a prepared deployment's headline numbers without allocating: the same figures <see cref="Estimate"/> reports
    /// for a workload of <paramref name="batch"/> sequences of <paramref name="inputTokens"/> prompt and <paramref name="outputTokens"/> generated tokens.
    /// </summary>
    /// <param name="deployment">The deployment, prepared by this estimator.</param>
    /// <param name="batch">Sequences per replica, ≥ 1, or null for as many as memory and the stack's scheduler cap allow.</param>
    /// <param name="inputTokens">Prompt tokens per sequence, ≥ 0.</param>
    /// <param name="outputTokens">Generated tokens per sequence, ≥ 0; prompt + output must not exceed <see cref="int.MaxValue"/>.</param>
    /// <param name="pricePerDeviceHour">The all-in price of one device-hour for the cost figure, or null for no cost.</param>
    /// <returns>The summary.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A count is out of range.</exception>
    /// <exception cref="ArgumentException">The deployment was prepared by an estimator with other profiles.</exception>
    public EstimateSummary Summarize(PreparedDeployment deployment, int? batch, int inputTokens, int outputTokens, HourlyRate? pricePerDeviceHour = null)
    {
        ArgumentNullException.ThrowIfNull(deployment);
        if (!ReferenceEquals(deployment.Profiles, Profiles))
        {
            throw new ArgumentException("the deployment was prepared by an estimator with other serving profiles; prepare it with this one.", nameof(deployment));
        }

        if (batch is int b)
        {
            Guard.Positive(b, nameof(batch));
        }

        Guard.NonNegative(inputTokens, nameof(inputTokens));
        Guard.NonNegative(outputTokens, nameof(outputTokens));
        if ((long)inputTokens + outputTokens > int.MaxValue)
        {
            throw new ArgumentOutOfRangeException(nameof(outputTokens), outputTokens, "inputTokens + outputTokens must not exceed 2147483647.");
        }

        return SummarizeCore(deployment, batch ?? 0, inputTokens, outputTokens, pricePerDeviceHour?.UsdPerHour ?? -1);
    }

    /// <summary>The hot loop: no checks beyond those inside Forward and PlanMemory; batch 0 means "as many as fit"; a negative price means none.</summary>
    internal static EstimateSummary SummarizeCore(PreparedDeployment deployment, int requestedBatch, int inputTokens, int outputTokens, double usdPerDeviceHour)
    {
        var c = deployment.FastConfiguration;
        var profile = deployment.FastProfile;
        var context = Math.Max(1, inputTokens + outputTokens);
        var plan = PlanMemory(c, context, requestedBatch > 0 ? requestedBatch : 1, profile);
        var batch = requestedBatch > 0 ? requestedBatch : Math.Max(1, Math.Min(plan.MaxBatch, profile.MaxBatch));
        var prefill = Forward(c, batch, inputTokens > 0 ? inputTokens : 1, 0, profile);
        var decode = Forward(c, batch, 1, inputTokens + (outputTokens / 2.0), profile);

        // The same formulas as PerformanceEstimate and TokenCostCalculator: TokenFormulas.
        var ttft = prefill.Time;
        var tpot = decode.Time;
        var latency = TokenFormulas.RequestLatencySeconds(ttft.Seconds, tpot.Seconds, outputTokens);
        var replicas = c.Replicas;
        var decodeRate = TokenFormulas.DecodeTokensPerSecond(batch, replicas, tpot.Seconds);
        Money? cost = usdPerDeviceHour >= 0 ? Money.FromUsd(TokenFormulas.UsdPerMillionTokens(usdPerDeviceHour * c.Devices, decodeRate)) : null;

        return new EstimateSummary
        {
            Batch = batch,
            TimeToFirstToken = ttft,
            TimePerOutputToken = tpot,
            SustainedOutputTokensPerSecond = TokenRate.FromTokensPerSecond(TokenFormulas.SustainedOutputTokensPerSecond(batch, outputTokens, replicas, latency)),
            DecodeTokensPerSecond = TokenRate.FromTokensPerSecond(decodeRate),
            MaxBatch = plan.MaxBatch,
            Fits = plan.MaxBatch >= batch,
            Bound = decode.Bound,
            CostPerMillionOutputTokens = cost,
        };
    }
}
