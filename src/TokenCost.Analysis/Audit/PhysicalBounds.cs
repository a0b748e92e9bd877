using TokenCost.Estimation;
using TokenCost.Quantities;

namespace TokenCost.Audit;

/// <summary>
/// Hard physical bounds of a step, taken from the estimator's own byte and operation counts: no serving stack can move
/// bytes faster than the peak memory bandwidth or compute faster than the dense peak.
/// </summary>
/// <remarks>This type is stateless and thread-safe.</remarks>
public static class PhysicalBounds
{
    /// <summary>Gets the weight-read floor of a step: weight bytes one device reads ÷ its peak memory bandwidth.</summary>
    /// <param name="step">A step from <see cref="RooflineEstimator.Forward(DeploymentConfiguration, int, int, double)"/>.</param>
    /// <param name="configuration">The deployment the step was estimated for.</param>
    /// <returns>The least possible step time for reading the weights once.</returns>
    public static TimeInterval WeightReadFloor(StepEstimate step, DeploymentConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return step.WeightBytesPerDevice / configuration.Hardware.MemoryBandwidth;
    }

    /// <summary>Gets the memory floor of a step: (weight bytes + KV-cache bytes) one device moves ÷ its peak memory bandwidth.</summary>
    /// <param name="step">The step.</param>
    /// <param name="configuration">The deployment.</param>
    /// <returns>The least possible step time for the memory traffic that cannot be avoided.</returns>
    public static TimeInterval MemoryFloor(StepEstimate step, DeploymentConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return (step.WeightBytesPerDevice + step.KvCacheBytesPerDevice) / configuration.Hardware.MemoryBandwidth;
    }

    /// <summary>Gets the compute floor of a step: operations one device performs ÷ the dense peak of the precision its activations resolve to.</summary>
    /// <param name="step">The step.</param>
    /// <param name="configuration">The deployment.</param>
    /// <returns>The least possible step time for the arithmetic, or zero when the hardware lists no compute rate.</returns>
    public static TimeInterval ComputeFloor(StepEstimate step, DeploymentConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var peak = configuration.Hardware.ResolvePeak(configuration.Activations.ComputePrecision)?.Peak
            ?? configuration.Hardware.PeakCompute.Values.DefaultIfEmpty(FlopRate.Zero).Max();
        return peak > FlopRate.Zero ? step.FlopsPerDevice / peak : TimeInterval.Zero;
    }

    /// <summary>Gets the roofline floor of a step: max(<see cref="MemoryFloor"/>, <see cref="ComputeFloor"/>).</summary>
    /// <param name="step">The step.</param>
    /// <param name="configuration">The deployment.</param>
    /// <returns>The least possible step time at 100 % of peak bandwidth and compute.</returns>
    public static TimeInterval StepFloor(StepEstimate step, DeploymentConfiguration configuration) =>
        TimeInterval.Max(MemoryFloor(step, configuration), ComputeFloor(step, configuration));

    /// <summary>
    /// Gets whether weights and the KV cache of <paramref name="batch"/> sequences fit in one device's memory, with no reserve for
    /// the runtime (the hard capacity check; the estimator's plan adds the stack's reserve).
    /// </summary>
    /// <param name="plan">A memory plan from <see cref="RooflineEstimator.PlanMemory(DeploymentConfiguration, int, int)"/>.</param>
    /// <param name="batch">Sequences, ≥ 1.</param>
    /// <returns><see langword="true"/> when weights + batch × KV per sequence ≤ capacity.</returns>
    public static bool Fits(MemoryPlan plan, int batch) => plan.WeightsPerDevice + (plan.KvCachePerSequence * Math.Max(1, batch)) <= plan.Capacity;

    /// <summary>Gets the largest batch whose KV cache fits next to the weights with no reserve (0 when the weights alone do not fit).</summary>
    /// <param name="plan">A memory plan.</param>
    /// <returns>The largest batch by capacity alone.</returns>
    public static int MaxBatch(MemoryPlan plan) =>
        plan.WeightsPerDevice >= plan.Capacity ? 0
        : plan.KvCachePerSequence <= DataSize.Zero ? int.MaxValue
        : (int)Math.Min(int.MaxValue, Math.Floor((plan.Capacity - plan.WeightsPerDevice) / plan.KvCachePerSequence));
}
