using TokenCost.Serving.Load;

namespace TokenCost.Tests.Serving.Load;

public class ServingLoadTests
{
    [Fact]
    public void Closed_KeepsConcurrency()
    {
        var load = ServingLoad.Closed(64);
        load.Kind.Should().Be(LoadKind.Closed);
        load.Concurrency.Should().Be(64);
        load.RequestsPerSecond.Should().BeNull();
        load.ToString().Should().Be("closed, 64 clients");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    public void Closed_NonPositive_ThrowsNamingTheParameter(int concurrency) =>
        FluentActions.Invoking(() => ServingLoad.Closed(concurrency)).Should().Throw<ArgumentOutOfRangeException>().Which.ParamName.Should().Be("concurrency");

    [Theory]
    [InlineData(0.0)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Poisson_InvalidRate_ThrowsNamingTheParameter(double rate) =>
        FluentActions.Invoking(() => ServingLoad.Poisson(rate)).Should().Throw<ArgumentOutOfRangeException>().Which.ParamName.Should().Be("requestsPerSecond");

    [Fact]
    public void LengthRangeRatio_GivesTheMeanOfTheUniformDraw()
    {
        (ServingLoad.Offline with { LengthRangeRatio = 0.8 }).MeanLengthFraction.Should().BeApproximately(0.9, 1e-12);
        FluentActions.Invoking(() => ServingLoad.Offline with { LengthRangeRatio = 1.5 }).Should().Throw<ArgumentOutOfRangeException>().Which.ParamName.Should().Be("LengthRangeRatio");
    }
}
