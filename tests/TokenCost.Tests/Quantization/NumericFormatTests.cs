using TokenCost.Catalogs;
using TokenCost.Hardware;

namespace TokenCost.Tests.Quantization;

public class NumericFormatTests
{
    private static readonly Catalog Catalog = Catalog.Default;

    [Theory]
    [InlineData("fp32", 4)]
    [InlineData("bf16", 2)]
    [InlineData("fp16", 2)]
    [InlineData("fp8", 1)]
    [InlineData("int8", 1)]
    [InlineData("int4", 0.53125)] // 0.5 + 4 B / 128 (tinygemm scale + zero per group of 128).
    [InlineData("fp4", 0.5625)] // NVFP4: 0.5 + 1 B FP8 scale / 16.
    [InlineData("q4_0", 0.5625)] // 18 B per block of 32.
    [InlineData("q4_k_m", 0.6)]
    public void BytesPerElement_MatchesFormatTable(string id, double bytes) => Catalog.GetFormat(id).BytesPerElement.Should().Be(bytes);

    [Fact]
    public void WithGroupSize_32_Gives0_625Bytes() => Catalog.GetFormat("int4").WithGroupSize(32).BytesPerElement.Should().Be(0.625);

    [Fact]
    public void WithGroupSize_Zero_Throws()
    {
        var act = () => Catalog.GetFormat("int4").WithGroupSize(0);
        act.Should().Throw<ArgumentOutOfRangeException>();
    }

    [Theory]
    [InlineData("int4", ComputePrecision.Int4, true)]
    [InlineData("fp8", ComputePrecision.Fp8, false)]
    [InlineData("fp16", ComputePrecision.Bf16, false)]
    public void ComputePrecision_AndWeightOnly_AreCatalogued(string id, ComputePrecision precision, bool weightOnly)
    {
        var f = Catalog.GetFormat(id);
        f.ComputePrecision.Should().Be(precision);
        f.WeightOnly.Should().Be(weightOnly);
    }

    [Fact]
    public void Q4_0_KeepsOutputProjectionAtQ6K() => Catalog.GetFormat("q4_0").EmbeddingBytesPerElement.Should().Be(210.0 / 256);
}
