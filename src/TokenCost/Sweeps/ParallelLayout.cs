using TokenCost.Internal;

namespace TokenCost.Sweeps;

/// <summary>How a sweep point spreads the model: devices in all, tensor-parallel degree and pipeline stages (devices ÷ (TP × PP) replicas).</summary>
/// <remarks>This type is immutable and thread-safe.</remarks>
public readonly record struct ParallelLayout
{
    /// <summary>Initializes a new instance of the <see cref="ParallelLayout"/> struct.</summary>
    /// <param name="devices">Accelerators in all, ≥ 1.</param>
    /// <param name="tensorParallel">Tensor-parallel degree, ≥ 1.</param>
    /// <param name="pipelineParallel">Pipeline stages, ≥ 1.</param>
    /// <exception cref="ArgumentOutOfRangeException">A count is below 1.</exception>
    public ParallelLayout(int devices, int tensorParallel, int pipelineParallel = 1)
    {
        Devices = Guard.Positive(devices, nameof(devices));
        TensorParallel = Guard.Positive(tensorParallel, nameof(tensorParallel));
        PipelineParallel = Guard.Positive(pipelineParallel, nameof(pipelineParallel));
    }

    /// <summary>Gets the number of accelerators (0 only for the default value, which sweeps reject).</summary>
    public int Devices { get; }

    /// <summary>Gets the tensor-parallel degree.</summary>
    public int TensorParallel { get; }

    /// <summary>Gets the number of pipeline stages.</summary>
    public int PipelineParallel { get; }

    /// <summary>Creates a layout that splits every layer across all devices (tensor parallel = devices, one replica).</summary>
    /// <param name="devices">Accelerators, ≥ 1.</param>
    /// <returns>The layout.</returns>
    public static ParallelLayout TensorParallelOver(int devices) => new(devices, devices);
}
