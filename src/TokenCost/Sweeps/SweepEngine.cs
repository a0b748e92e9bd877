using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using TokenCost.Estimation;
using TokenCost.Internal;
using TokenCost.Pricing;
using TokenCost.Quantities;

namespace TokenCost.Sweeps;

/// <summary>
/// Evaluates every point of a <see cref="SweepSpace"/> with the roofline estimator's allocation-free fast path,
/// in parallel across cores, cancellably, with progress, either into a callback or as an ordered asynchronous stream.
/// </summary>
/// <remarks>
/// This type is immutable and thread-safe. Each point's figures equal <see cref="RooflineEstimator.Summarize(DeploymentConfiguration, Workload, HourlyRate?)"/>
/// for the same deployment and workload. Work is split into chunks of <see cref="SweepOptions.ChunkSize"/> points; cancellation is
/// observed between chunks and progress is reported after each.
/// </remarks>
public sealed class SweepEngine
{
    /// <summary>Initializes a new instance of the <see cref="SweepEngine"/> class.</summary>
    /// <param name="context">The pricing context whose estimator (serving profiles) evaluates the points.</param>
    public SweepEngine(PricingContext context) => Estimator = Guard.NotNull(context).Estimator;

    /// <summary>Gets the estimator.</summary>
    public RooflineEstimator Estimator { get; }

    /// <summary>Resolves a sweep space: checks every id and value, prepares each valid deployment once, and lists those skipped.</summary>
    /// <param name="space">The space.</param>
    /// <returns>The plan.</returns>
    /// <exception cref="ArgumentException">An axis is empty, an id is unknown, or a batch is below 1.</exception>
    public SweepPlan Plan(SweepSpace space) => SweepPlan.Create(space, Estimator);

    /// <summary>Evaluates a plan in parallel, handing each result to <paramref name="onResult"/> (concurrently, in no particular order).</summary>
    /// <param name="plan">The plan, from this engine.</param>
    /// <param name="onResult">Called for each result from worker threads, or null to only summarise.</param>
    /// <param name="options">How to run, or null for the defaults.</param>
    /// <param name="progress">Receives progress after each chunk, or null.</param>
    /// <param name="cancellationToken">Stops the sweep between chunks.</param>
    /// <returns>The summary.</returns>
    /// <exception cref="OperationCanceledException">The sweep was cancelled.</exception>
    public SweepSummary Run(
        SweepPlan plan,
        SweepResultHandler? onResult = null,
        SweepOptions? options = null,
        IProgress<SweepProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        CheckPlan(plan);
        options ??= new SweepOptions();
        var total = Total(plan, options);
        var chunk = options.ChunkSize;
        var chunks = (total + chunk - 1) / chunk;
        var completed = 0L;
        var fitting = 0L;
        var best = default(SweepResult);
        var hasBest = false;
        var gate = new object();
        var watch = Stopwatch.StartNew();
        Parallel.For(
            0L,
            chunks,
            new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = options.MaxDegreeOfParallelism },
            () => new Local(),
            (c, _, local) =>
            {
                var start = c * chunk;
                var end = Math.Min(total, start + chunk);
                for (var i = start; i < end; i++)
                {
                    var r = plan.Evaluate(i);
                    onResult?.Invoke(in r);
                    if (r.Estimate.Fits)
                    {
                        local.Fitting++;
                        if (r.Estimate.CostPerMillionOutputTokens is not null && (!local.HasBest || IsBetter(r, local.Best)))
                        {
                            local.Best = r;
                            local.HasBest = true;
                        }
                    }
                }

                var done = Interlocked.Add(ref completed, end - start);
                progress?.Report(new SweepProgress(done, total));
                return local;
            },
            local =>
            {
                lock (gate)
                {
                    fitting += local.Fitting;
                    if (local.HasBest && (!hasBest || IsBetter(local.Best, best)))
                    {
                        best = local.Best;
                        hasBest = true;
                    }
                }
            });
        watch.Stop();
        return new SweepSummary
        {
            Evaluated = total,
            Fitting = fitting,
            Cheapest = hasBest ? best : null,
            Elapsed = TimeInterval.FromSeconds(watch.Elapsed.TotalSeconds),
        };
    }

    /// <summary>Evaluates a plan in parallel and yields the results in index order, holding only a bounded number of chunks in memory.</summary>
    /// <param name="plan">The plan, from this engine.</param>
    /// <param name="options">How to run, or null for the defaults.</param>
    /// <param name="progress">Receives progress after each chunk is computed, or null.</param>
    /// <param name="cancellationToken">Stops the sweep.</param>
    /// <returns>The results, in index order.</returns>
    public async IAsyncEnumerable<SweepResult> StreamAsync(
        SweepPlan plan,
        SweepOptions? options = null,
        IProgress<SweepProgress>? progress = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        CheckPlan(plan);
        options ??= new SweepOptions();
        var total = Total(plan, options);
        var chunk = options.ChunkSize;
        var completed = 0L;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var token = stop.Token;
        var pending = Channel.CreateBounded<Task<SweepResult[]>>(new BoundedChannelOptions(Math.Max(2, 2 * options.MaxDegreeOfParallelism)) { SingleReader = true, SingleWriter = true });
        var dispatcher = Task.Run(
            async () =>
            {
                try
                {
                    for (var start = 0L; start < total; start += chunk)
                    {
                        var from = start;
                        var count = (int)Math.Min(chunk, total - start);
                        var work = Task.Run(
                            () =>
                            {
                                token.ThrowIfCancellationRequested();
                                var results = new SweepResult[count];
                                for (var i = 0; i < count; i++)
                                {
                                    results[i] = plan.Evaluate(from + i);
                                }

                                progress?.Report(new SweepProgress(Interlocked.Add(ref completed, count), total));
                                return results;
                            },
                            token);
                        await pending.Writer.WriteAsync(work, token).ConfigureAwait(false);
                    }

                    pending.Writer.TryComplete();
                }
                catch (OperationCanceledException ex)
                {
                    pending.Writer.TryComplete(ex);
                }
            },
            CancellationToken.None);

        try
        {
            await foreach (var work in pending.Reader.ReadAllAsync(token).ConfigureAwait(false))
            {
                var results = await work.ConfigureAwait(false);
                foreach (var r in results)
                {
                    yield return r;
                }
            }
        }
        finally
        {
            await stop.CancelAsync().ConfigureAwait(false);
            await dispatcher.ConfigureAwait(false);
        }

        cancellationToken.ThrowIfCancellationRequested();
    }

    private void CheckPlan(SweepPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        if (!ReferenceEquals(plan.Estimator, Estimator))
        {
            throw new ArgumentException("the plan was made by another sweep engine; plan it with this one.", nameof(plan));
        }
    }

    private static long Total(SweepPlan plan, SweepOptions options) => options.Limit is long limit ? Math.Min(limit, plan.Count) : plan.Count;

    private static bool IsBetter(in SweepResult candidate, in SweepResult incumbent)
    {
        var a = candidate.Estimate.CostPerMillionOutputTokens!.Value;
        var b = incumbent.Estimate.CostPerMillionOutputTokens!.Value;
        return a < b || (a == b && candidate.Index < incumbent.Index);
    }

    private sealed class Local
    {
        public long Fitting;
        public SweepResult Best;
        public bool HasBest;
    }
}
