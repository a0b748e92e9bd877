using System.Globalization;
using TokenCost.Internal;

namespace TokenCost.Serving.Load;

/// <summary>
/// The load a deployment serves: how requests arrive (<see cref="Kind"/>), how many clients a closed loop has, or the Poisson arrival rate.
/// </summary>
/// <remarks>
/// <para>This type is immutable and thread-safe. Build it with <see cref="Static"/>, <see cref="Closed(int)"/>, <see cref="Offline"/> or <see cref="Poisson(double)"/>.</para>
/// <para><see cref="Concurrency"/> and <see cref="RequestsPerSecond"/> are for the whole deployment; the estimator splits them evenly over replicas.</para>
/// </remarks>
public sealed record ServingLoad
{
    private ServingLoad(LoadKind kind, int? concurrency, double? requestsPerSecond)
    {
        Kind = kind;
        Concurrency = concurrency;
        RequestsPerSecond = requestsPerSecond;
    }

    /// <summary>Gets the static-batching load: one batch of the workload's batch size runs to completion (today's model).</summary>
    public static ServingLoad Static { get; } = new(LoadKind.Static, null, null);

    /// <summary>Gets the offline load: all requests at once, concurrency set by KV-cache memory and the stack's sequence limit.</summary>
    public static ServingLoad Offline { get; } = new(LoadKind.Offline, null, null);

    /// <summary>Gets how requests arrive.</summary>
    public LoadKind Kind { get; }

    /// <summary>Gets the closed-loop clients of the whole deployment (≥ 1), or null for other kinds.</summary>
    public int? Concurrency { get; }

    /// <summary>Gets the Poisson arrival rate of the whole deployment in requests per second (&gt; 0), or null for other kinds.</summary>
    public double? RequestsPerSecond { get; }

    /// <summary>
    /// Gets the shortest request length as a fraction of the nominal prompt and output lengths: lengths are drawn uniformly in
    /// [ratio × nominal, nominal] (InferenceX and <c>benchmark_serving --random-range-ratio 0.8</c>: 0.8). The model uses the mean,
    /// (1 + ratio) ÷ 2 × nominal. In (0, 1].
    /// </summary>
    /// <value>The default value is 1 (every request has the nominal lengths).</value>
    /// <exception cref="ArgumentOutOfRangeException">The value is not in (0, 1].</exception>
    public double LengthRangeRatio { get => field; init => field = Guard.PositiveFraction(value, nameof(LengthRangeRatio)); } = 1;

    /// <summary>Gets the mean request length as a fraction of the nominal lengths: (1 + <see cref="LengthRangeRatio"/>) ÷ 2.</summary>
    public double MeanLengthFraction => (1 + LengthRangeRatio) / 2;

    /// <summary>Creates a closed loop of <paramref name="concurrency"/> clients (for the whole deployment).</summary>
    /// <param name="concurrency">Concurrent clients, ≥ 1.</param>
    /// <returns>The load.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="concurrency"/> is below 1.</exception>
    public static ServingLoad Closed(int concurrency) => new(LoadKind.Closed, Guard.Positive(concurrency, nameof(concurrency)), null);

    /// <summary>Creates open-loop Poisson arrivals at <paramref name="requestsPerSecond"/> for the whole deployment.</summary>
    /// <param name="requestsPerSecond">Arrival rate in requests per second, finite and &gt; 0.</param>
    /// <returns>The load.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="requestsPerSecond"/> is NaN, infinite, zero or negative.</exception>
    public static ServingLoad Poisson(double requestsPerSecond) => new(LoadKind.Poisson, null, Guard.PositiveFinite(requestsPerSecond, nameof(requestsPerSecond)));

    /// <summary>Returns the load as text, for example <c>closed, 64 clients</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => Kind switch
    {
        LoadKind.Closed => string.Create(CultureInfo.InvariantCulture, $"closed, {Concurrency} clients"),
        LoadKind.Poisson => string.Create(CultureInfo.InvariantCulture, $"poisson, {RequestsPerSecond:G6} requests/s"),
        LoadKind.Offline => "offline",
        _ => "static",
    };
}
