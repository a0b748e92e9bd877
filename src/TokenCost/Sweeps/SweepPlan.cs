using TokenCost.Catalogs;
using TokenCost.Estimation;

namespace TokenCost.Sweeps;

/// <summary>
/// A sweep space resolved once: the valid deployments prepared for the estimator, the batches and sequence shapes,
/// and the combinations skipped with the reason. Points are numbered deployment-major, then sequence shape, then batch.
/// </summary>
/// <remarks>This type is immutable and thread-safe. Build it with <see cref="SweepEngine.Plan"/>.</remarks>
public sealed class SweepPlan
{
    private readonly PreparedDeployment[] _deployments;
    private readonly double[] _usdPerDeviceHour;
    private readonly int[] _batches;
    private readonly SequenceLengths[] _sequences;

    internal SweepPlan(RooflineEstimator estimator, PreparedDeployment[] deployments, double[] usdPerDeviceHour, int[] batches, SequenceLengths[] sequences, IReadOnlyList<string> skipped)
    {
        Estimator = estimator;
        _deployments = deployments;
        _usdPerDeviceHour = usdPerDeviceHour;
        _batches = batches;
        _sequences = sequences;
        Skipped = skipped;
        Count = (long)deployments.Length * batches.Length * sequences.Length;
    }

    /// <summary>Gets the estimator the deployments were prepared for.</summary>
    internal RooflineEstimator Estimator { get; }

    /// <summary>Gets the prepared deployments.</summary>
    public IReadOnlyList<PreparedDeployment> Deployments => _deployments;

    /// <summary>Gets one line per skipped deployment: its ids and why the estimator cannot model it.</summary>
    public IReadOnlyList<string> Skipped { get; }

    /// <summary>Gets the number of points: deployments × sequence shapes × batches.</summary>
    public long Count { get; }

    /// <summary>Returns this plan with another batch axis (the deployments are reused, not prepared again).</summary>
    /// <param name="batches">The batches, each ≥ 1; at least one.</param>
    /// <returns>The new plan.</returns>
    /// <exception cref="ArgumentException">The list is empty or a batch is below 1.</exception>
    public SweepPlan WithBatches(IReadOnlyList<int> batches) =>
        new(Estimator, _deployments, _usdPerDeviceHour, CheckBatches(batches), _sequences, Skipped);

    /// <summary>Evaluates one point without allocating.</summary>
    internal SweepResult Evaluate(long index)
    {
        var batches = _batches.Length;
        var perDeployment = (long)batches * _sequences.Length;
        var d = (int)(index / perDeployment);
        var rest = (int)(index - (d * perDeployment));
        var s = rest / batches;
        var b = _batches[rest - (s * batches)];
        var sequence = _sequences[s];
        var deployment = _deployments[d];
        return new SweepResult
        {
            Index = index,
            Configuration = deployment.Configuration,
            Batch = b,
            InputTokens = sequence.InputTokens,
            OutputTokens = sequence.OutputTokens,
            Estimate = RooflineEstimator.SummarizeCore(deployment, b, sequence.InputTokens, sequence.OutputTokens, _usdPerDeviceHour[d]),
        };
    }

    internal static SweepPlan Create(SweepSpace space, RooflineEstimator estimator)
    {
        ArgumentNullException.ThrowIfNull(space);
        var catalog = space.Catalog ?? throw new ArgumentException("the sweep space has no catalog.", nameof(space));
        CheckIds(space.Hardware, nameof(SweepSpace.Hardware), id => catalog.GetHardware(id));
        CheckIds(space.Models, nameof(SweepSpace.Models), id => catalog.GetModel(id));
        CheckIds(space.Weights, nameof(SweepSpace.Weights), id => catalog.GetFormat(id));
        CheckIds(space.KvCaches, nameof(SweepSpace.KvCaches), id => catalog.GetFormat(id));
        CheckIds(space.Stacks, nameof(SweepSpace.Stacks), id => catalog.GetStack(id));
        var layouts = NonEmpty(space.Layouts, nameof(SweepSpace.Layouts));
        if (layouts.Any(l => l.Devices < 1))
        {
            throw new ArgumentException("Layouts must not contain the default ParallelLayout (0 devices).", nameof(space));
        }

        var batches = CheckBatches(space.Batches);

        var sequences = NonEmpty(space.Sequences, nameof(SweepSpace.Sequences)).ToArray();
        var deployments = new List<PreparedDeployment>();
        var prices = new List<double>();
        var skipped = new List<string>();
        foreach (var hw in space.Hardware)
        {
            var platform = catalog.GetHardware(hw);
            var price = space.PricePerDeviceHour
                ?? (space.PriceTierName is { } tier ? (platform.TryGetPriceTier(tier, out var t) ? t.PricePerDeviceHour : null) : platform.CloudPricePerDeviceHour);
            foreach (var model in space.Models)
            {
                foreach (var weights in space.Weights)
                {
                    foreach (var kv in space.KvCaches)
                    {
                        foreach (var stack in space.Stacks)
                        {
                            foreach (var layout in layouts)
                            {
                                try
                                {
                                    var configuration = DeploymentConfiguration.Create(
                                        catalog, model, hw, weights, null, kv, stack, layout.Devices, layout.TensorParallel, layout.PipelineParallel);
                                    deployments.Add(estimator.Prepare(configuration));
                                    prices.Add(price?.UsdPerHour ?? -1);
                                }
                                catch (ArgumentException ex)
                                {
                                    skipped.Add(FormattableString.Invariant($"{hw} {model} {weights}/{kv} {stack} {layout.Devices}×(tp {layout.TensorParallel}, pp {layout.PipelineParallel}): {ex.Message}"));
                                }
                            }
                        }
                    }
                }
            }
        }

        return new SweepPlan(estimator, [.. deployments], [.. prices], batches, sequences, skipped);
    }

    private static int[] CheckBatches(IReadOnlyList<int> batches)
    {
        var result = NonEmpty(batches, nameof(SweepSpace.Batches)).ToArray();
        foreach (var b in result)
        {
            if (b < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(batches), b, FormattableString.Invariant($"Batches must be integers ≥ 1; got {b}."));
            }
        }

        return result;
    }

    private static void CheckIds(IReadOnlyList<string> ids, string axis, Action<string> resolve)
    {
        NonEmpty(ids, axis);
        foreach (var id in ids)
        {
            try
            {
                resolve(id);
            }
            catch (UnknownIdException ex)
            {
                throw new ArgumentException($"{axis}: {ex.Message}", axis, ex);
            }
        }
    }

    private static IReadOnlyList<T> NonEmpty<T>(IReadOnlyList<T>? axis, string name) =>
        axis is { Count: > 0 } ? axis : throw new ArgumentException($"the sweep axis {name} is empty; give at least one value.", name);
}
