using TokenCost.Internal;

namespace TokenCost.Quantities;

// Cross-quantity operators that encode physics.
public readonly partial record struct Bandwidth
{
    /// <summary>Gets the data moved at this bandwidth during a time.</summary>
    /// <param name="bandwidth">The bandwidth.</param>
    /// <param name="time">The time.</param>
    /// <returns>The data size.</returns>
    public static DataSize operator *(Bandwidth bandwidth, TimeInterval time) =>
        DataSize.FromBytes(Guard.Result(bandwidth.BytesPerSecond * time.Seconds));
}
