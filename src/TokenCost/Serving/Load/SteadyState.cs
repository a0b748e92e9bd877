using TokenCost.Estimation;

namespace TokenCost.Serving.Load;

/// <summary>The solved steady state of one replica under continuous batching (per replica; times in seconds).</summary>
internal readonly record struct SteadyState
{
    public double Running { get; init; }

    public double Decoding { get; init; }

    public int MaxRunning { get; init; }

    public bool KvLimited { get; init; }

    public bool Saturated { get; init; }

    public StepEstimate Decode { get; init; }

    public StepEstimate Mixed { get; init; }

    public double PrefillFraction { get; init; }

    public double IterationSeconds { get; init; }

    public double TpotSeconds { get; init; }

    public double TtftSeconds { get; init; }

    public double RequestsPerSecond { get; init; }

    /// <summary>Gets the mean end-to-end latency for <paramref name="output"/> tokens, seconds.</summary>
    public double RequestSeconds(double output) => TtftSeconds + (Math.Max(0, output - 1) * TpotSeconds);
}
