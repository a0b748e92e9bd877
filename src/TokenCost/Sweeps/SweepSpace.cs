using TokenCost.Catalogs;

namespace TokenCost.Sweeps;

/// <summary>
/// The axes of a sweep, by catalog id: hardware × model × weight format × KV-cache format × serving stack × parallel layout
/// × batch × sequence lengths. The sweep evaluates every point of their cartesian product.
/// </summary>
/// <remarks>
/// This type is immutable and thread-safe. Activation formats follow <see cref="Estimation.DeploymentConfiguration.Create"/>'s defaults
/// for each weight format. Combinations the estimator cannot model (tensor parallelism on hardware without an interconnect, more stages
/// than layers, hardware without a compute rate) are skipped and listed in <see cref="SweepPlan.Skipped"/>.
/// </remarks>
public sealed record SweepSpace
{
    /// <summary>Gets the catalog the ids are resolved in.</summary>
    public required Catalog Catalog { get; init; }

    /// <summary>Gets the hardware ids.</summary>
    public required IReadOnlyList<string> Hardware { get; init; }

    /// <summary>Gets the model ids.</summary>
    public required IReadOnlyList<string> Models { get; init; }

    /// <summary>Gets the weight format ids.</summary>
    /// <value>The default value is <c>bf16</c> alone.</value>
    public IReadOnlyList<string> Weights { get; init; } = ["bf16"];

    /// <summary>Gets the KV-cache format ids.</summary>
    /// <value>The default value is <c>bf16</c> alone.</value>
    public IReadOnlyList<string> KvCaches { get; init; } = ["bf16"];

    /// <summary>Gets the serving stack ids.</summary>
    /// <value>The default value is <c>unknown</c> alone.</value>
    public IReadOnlyList<string> Stacks { get; init; } = ["unknown"];

    /// <summary>Gets the parallel layouts.</summary>
    /// <value>The default value is one device.</value>
    public IReadOnlyList<ParallelLayout> Layouts { get; init; } = [new ParallelLayout(1, 1)];

    /// <summary>Gets the batches (sequences per replica, each ≥ 1).</summary>
    /// <value>The default value is 1 alone.</value>
    public IReadOnlyList<int> Batches { get; init; } = [1];

    /// <summary>Gets the sequence shapes.</summary>
    /// <value>The default value is 512 prompt and 256 generated tokens.</value>
    public IReadOnlyList<SequenceLengths> Sequences { get; init; } = [new SequenceLengths(512, 256)];

    /// <summary>Gets the all-in price per device-hour for the cost figure, or null to use each hardware's catalog cloud price (no cost where it has none).</summary>
    public Quantities.HourlyRate? PricePerDeviceHour { get; init; }

    /// <summary>
    /// Gets the price tier to rent at when <see cref="PricePerDeviceHour"/> is null (a name such as <c>neocloud</c> for its most recent date,
    /// or <c>name@yyyy-MM</c>; see <see cref="Hardware.HardwarePlatform.GetPriceTier(string)"/>), or null for the catalog's cloud price.
    /// Hardware without that tier gets no cost figure.
    /// </summary>
    public string? PriceTierName { get; init; }

    /// <summary>
    /// Creates the standard sweep used by <c>tokencost sweep --count</c> and the benchmarks: every catalog hardware and model,
    /// weights bf16/fp8/int8/int4, KV cache bf16/fp8, the <c>unknown</c> stack, tensor parallel over 1, 2, 4 and 8 devices,
    /// prompt/output shapes 512/256, 2048/512 and 8192/1024, and batch 1 (widen the batch axis with <see cref="SweepPlan.WithBatches"/>).
    /// </summary>
    /// <param name="catalog">The catalog.</param>
    /// <returns>The space.</returns>
    public static SweepSpace Standard(Catalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return new SweepSpace
        {
            Catalog = catalog,
            Hardware = [.. catalog.Hardware.Select(h => h.Id)],
            Models = [.. catalog.Models.Select(m => m.Id)],
            Weights = ["bf16", "fp8", "int8", "int4"],
            KvCaches = ["bf16", "fp8"],
            Layouts = [ParallelLayout.TensorParallelOver(1), ParallelLayout.TensorParallelOver(2), ParallelLayout.TensorParallelOver(4), ParallelLayout.TensorParallelOver(8)],
            Sequences = [new SequenceLengths(512, 256), new SequenceLengths(2048, 512), new SequenceLengths(8192, 1024)],
        };
    }

    /// <summary>Gets the number of points of the full cartesian product, before invalid combinations are skipped.</summary>
    public long Count =>
        (long)Hardware.Count * Models.Count * Weights.Count * KvCaches.Count * Stacks.Count * Layouts.Count * Batches.Count * Sequences.Count;
}
