using TokenCost.Internal;

namespace TokenCost.Quantities;

// Cross-quantity operators that encode physics.
public readonly partial record struct DataSize
{
    /// <summary>Gets the time needed to move this amount of data at a bandwidth.</summary>
    /// <param name="size">The data.</param>
    /// <param name="bandwidth">The transfer rate; greater than zero.</param>
    /// <returns>The transfer time.</returns>
    public static TimeInterval operator /(DataSize size, Bandwidth bandwidth) =>
        TimeInterval.FromSeconds(Guard.Result(size.Bytes / Guard.PositiveFinite(bandwidth.BytesPerSecond, nameof(bandwidth))));

    /// <summary>Gets the bandwidth that moves this amount of data in a time.</summary>
    /// <param name="size">The data.</param>
    /// <param name="time">The time; greater than zero.</param>
    /// <returns>The bandwidth.</returns>
    public static Bandwidth operator /(DataSize size, TimeInterval time) =>
        Bandwidth.FromBytesPerSecond(Guard.Result(size.Bytes / Guard.PositiveFinite(time.Seconds, nameof(time))));
}
