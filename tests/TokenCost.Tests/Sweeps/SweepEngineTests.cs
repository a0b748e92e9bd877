using TokenCost.Catalogs;
using TokenCost.Estimation;
using TokenCost.Quantities;
using TokenCost.Sweeps;

namespace TokenCost.Tests.Sweeps;

public class SweepEngineTests
{
    private static readonly SweepEngine Engine = new(TestPricing.Default);

    private static SweepSpace Space() => new()
    {
        Catalog = Catalog.Default,
        Hardware = ["nvidia_h100_sxm", "amd_mi300x"],
        Models = ["llama-3.1-8b", "llama-2-70b"],
        Weights = ["bf16", "fp8", "int4"],
        KvCaches = ["bf16", "fp8"],
        Layouts = [ParallelLayout.TensorParallelOver(1), ParallelLayout.TensorParallelOver(2)],
        Batches = [1, 4, 16, 64, 256],
        Sequences = [new SequenceLengths(512, 256), new SequenceLengths(4096, 512), new SequenceLengths(0, 10)],
    };

    [Fact]
    public void Plan_CountsTheCartesianProduct()
    {
        var plan = Engine.Plan(Space());
        plan.Skipped.Should().BeEmpty();
        plan.Deployments.Should().HaveCount(2 * 2 * 3 * 2 * 2);
        plan.Count.Should().Be(Space().Count).And.Be(48 * 5 * 3);
    }

    [Fact]
    public void Plan_SkipsWhatCannotBeModelledAndSaysWhy()
    {
        var noLink = Catalog.Default.Hardware.First(h => h.InterconnectBandwidth is null && h.PeakCompute.Count > 0).Id;
        var plan = Engine.Plan(Space() with { Hardware = [noLink] });
        plan.Skipped.Should().NotBeEmpty().And.OnlyContain(s => s.Contains(noLink, StringComparison.Ordinal) && s.Contains("interconnect", StringComparison.Ordinal));
        plan.Deployments.Should().OnlyContain(d => d.Configuration.TensorParallel == 1);
    }

    [Fact]
    public async Task StreamAsync_YieldsEveryPointInOrderWithTheFastPathFigures()
    {
        var plan = Engine.Plan(Space());
        var results = new List<SweepResult>();
        await foreach (var r in Engine.StreamAsync(plan, new SweepOptions { ChunkSize = 37, MaxDegreeOfParallelism = 3 }))
        {
            results.Add(r);
        }

        results.Select(r => r.Index).Should().Equal(Enumerable.Range(0, (int)plan.Count).Select(i => (long)i));
        foreach (var r in results.Where((_, i) => i % 41 == 0))
        {
            var expected = Engine.Estimator.Summarize(r.Configuration, new Workload { Batch = r.Batch, InputTokens = r.InputTokens, OutputTokens = r.OutputTokens }, r.Configuration.Hardware.CloudPricePerDeviceHour);
            r.Estimate.Should().Be(expected);
        }
    }

    [Fact]
    public void Run_CallsTheHandlerOncePerPointAndReportsProgress()
    {
        var plan = Engine.Plan(Space());
        var seen = new int[plan.Count];
        var reports = new System.Collections.Concurrent.ConcurrentBag<SweepProgress>();
        var summary = Engine.Run(plan, (in SweepResult r) => Interlocked.Increment(ref seen[r.Index]), new SweepOptions { ChunkSize = 50 }, new SyncProgress(reports.Add));
        seen.Should().OnlyContain(n => n == 1);
        summary.Evaluated.Should().Be(plan.Count);
        reports.Max(p => p.Completed).Should().Be(plan.Count);
        reports.Should().OnlyContain(p => p.Total == plan.Count && p.Fraction <= 1);
    }

    [Fact]
    public void Run_CheapestIsTheLowestFittingCost()
    {
        var plan = Engine.Plan(Space() with { PricePerDeviceHour = HourlyRate.FromUsdPerHour(2) });
        var all = new System.Collections.Concurrent.ConcurrentBag<SweepResult>();
        var summary = Engine.Run(plan, (in SweepResult r) => all.Add(r));
        var fitting = all.Where(r => r.Estimate.Fits).ToList();
        summary.Fitting.Should().Be(fitting.Count);
        var min = fitting.Min(r => r.Estimate.CostPerMillionOutputTokens!.Value.Usd);
        summary.Cheapest!.Value.Estimate.CostPerMillionOutputTokens!.Value.Usd.Should().Be(min);
        summary.Cheapest.Value.Index.Should().Be(fitting.Where(r => r.Estimate.CostPerMillionOutputTokens!.Value.Usd == min).Min(r => r.Index));
    }

    [Fact]
    public void Run_LimitEvaluatesTheFirstPoints()
    {
        var plan = Engine.Plan(Space());
        var max = -1L;
        var summary = Engine.Run(plan, (in SweepResult r) => InterlockedMax(ref max, r.Index), new SweepOptions { Limit = 101, ChunkSize = 10 });
        summary.Evaluated.Should().Be(101);
        max.Should().Be(100);
    }

    [Fact]
    public void Run_Cancelled_ThrowsOperationCanceled()
    {
        var plan = Engine.Plan(SweepSpace.Standard(Catalog.Default)).WithBatches([.. Enumerable.Range(1, 200)]);
        using var cts = new CancellationTokenSource();
        var act = () => Engine.Run(plan, (in SweepResult r) => { if (r.Index > 1000) { cts.Cancel(); } }, new SweepOptions { ChunkSize = 100 }, cancellationToken: cts.Token);
        act.Should().Throw<OperationCanceledException>();
    }

    [Fact]
    public async Task StreamAsync_Cancelled_Stops()
    {
        var plan = Engine.Plan(SweepSpace.Standard(Catalog.Default)).WithBatches([.. Enumerable.Range(1, 200)]);
        using var cts = new CancellationTokenSource();
        var count = 0;
        var act = async () =>
        {
            await foreach (var _ in Engine.StreamAsync(plan, new SweepOptions { ChunkSize = 64 }, cancellationToken: cts.Token))
            {
                if (++count == 500)
                {
                    await cts.CancelAsync();
                }
            }
        };
        await act.Should().ThrowAsync<OperationCanceledException>();
        count.Should().BeLessThan(10_000);
    }

    [Fact]
    public void Plan_UnknownIdOrEmptyAxisOrBadBatch_Throws()
    {
        var unknown = () => Engine.Plan(Space() with { Models = ["llama-9"] });
        unknown.Should().Throw<ArgumentException>().WithMessage("*Models*llama-9*");
        var empty = () => Engine.Plan(Space() with { Hardware = [] });
        empty.Should().Throw<ArgumentException>().WithMessage("*Hardware*");
        var batch = () => Engine.Plan(Space() with { Batches = [4, 0] });
        batch.Should().Throw<ArgumentOutOfRangeException>().WithMessage("*Batches*");
        var layout = () => Engine.Plan(Space() with { Layouts = [default] });
        layout.Should().Throw<ArgumentException>().WithMessage("*Layouts*");
    }

    [Fact]
    public void Run_PlanFromAnotherEngine_Throws()
    {
        var plan = new SweepEngine(TestPricing.Ideal).Plan(Space());
        var act = () => Engine.Run(plan);
        act.Should().Throw<ArgumentException>().Which.ParamName.Should().Be("plan");
    }

    private static void InterlockedMax(ref long target, long value)
    {
        long current;
        while ((current = Interlocked.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }

    private sealed class SyncProgress(Action<SweepProgress> report) : IProgress<SweepProgress>
    {
        public void Report(SweepProgress value) => report(value);
    }
}
