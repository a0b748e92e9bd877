using System.Globalization;
using TokenCost.Quantities;

namespace TokenCost.Tests.Quantities;

public class DataSizeTests
{
    [Fact]
    public void FromGigabytes_UsesDecimalPrefix() => DataSize.FromGigabytes(1).Bytes.Should().Be(1e9);

    [Fact]
    public void FromGibibytes_UsesBinaryPrefix() => DataSize.FromGibibytes(1).Bytes.Should().Be(1_073_741_824);

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    [InlineData(-1)]
    public void FromBytes_InvalidValue_ThrowsNamingTheParameter(double bytes)
    {
        var act = () => DataSize.FromBytes(bytes);
        act.Should().Throw<ArgumentOutOfRangeException>().Which.ParamName.Should().Be("bytes");
    }

    [Fact]
    public void FromTerabytes_Overflow_ThrowsNamingTheParameter()
    {
        var act = () => DataSize.FromTerabytes(double.MaxValue);
        act.Should().Throw<ArgumentOutOfRangeException>().Which.ParamName.Should().Be("terabytes");
    }

    [Fact]
    public void DivideByBandwidth_GivesTransferTime()
    {
        // 33.5 GB at 3.35 TB/s = 10 ms.
        var time = DataSize.FromGigabytes(33.5) / Bandwidth.FromTerabytesPerSecond(3.35);
        time.Milliseconds.Should().BeApproximately(10, 1e-9);
    }

    [Fact]
    public void ToString_PicksReadableUnitInInvariantCulture()
    {
        DataSize.FromGigabytes(40).ToString().Should().Be("40 GB");
        DataSize.FromMegabytes(1.5).ToString().Should().Be("1.5 MB");
    }

    [Fact]
    public void ToString_UnderGermanCulture_StaysInvariant()
    {
        var previous = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo("de-DE");
            Bandwidth.FromTerabytesPerSecond(3.35).ToString().Should().Be("3.35 TB/s");
            $"{DataSize.FromGigabytes(1.25)}".Should().Be("1.25 GB");
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public void Subtraction_SaturatesAtZero() => (DataSize.FromBytes(1) - DataSize.FromBytes(5)).Should().Be(DataSize.Zero);

    [Fact]
    public void Ratio_IsDimensionless() => (DataSize.FromGigabytes(6) / DataSize.FromGigabytes(3)).Should().Be(2);

    [Fact]
    public void Ratio_ByZero_Throws()
    {
        var act = () => DataSize.FromGigabytes(6) / DataSize.Zero;
        act.Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void Comparison_OrdersByBytes()
    {
        DataSize.FromGigabytes(1).Should().BeLessThan(DataSize.FromGibibytes(1));
        DataSize.Max(DataSize.FromBytes(3), DataSize.FromBytes(7)).Bytes.Should().Be(7);
    }
}
