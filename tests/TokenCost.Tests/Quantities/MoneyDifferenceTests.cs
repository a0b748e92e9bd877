using TokenCost.Quantities;

namespace TokenCost.Tests.Quantities;

public class MoneyDifferenceTests
{
    [Fact]
    public void MoneyMinusMoney_IsSigned_NotSaturated()
    {
        var saving = Money.FromUsd(3) - Money.FromUsd(5);
        saving.Should().BeOfType<MoneyDifference>();
        saving.Usd.Should().Be(-2);
        saving.IsNegative.Should().BeTrue();
        saving.Sign.Should().Be(-1);
        saving.Magnitude.Should().Be(Money.FromUsd(2));
        (Money.FromUsd(5) - Money.FromUsd(3)).Usd.Should().Be(2);
    }

    [Fact]
    public void Arithmetic_KeepsTheSign()
    {
        var a = MoneyDifference.FromUsd(-1.5);
        var b = MoneyDifference.FromUsd(4);
        (a + b).Usd.Should().Be(2.5);
        (a - b).Usd.Should().Be(-5.5);
        (-a).Usd.Should().Be(1.5);
        (a * -2).Usd.Should().Be(3);
        (b / -4).Usd.Should().Be(-1);
        (a < b).Should().BeTrue();
        new[] { b, a, MoneyDifference.Zero }.Order().Should().Equal(a, MoneyDifference.Zero, b);
        ((MoneyDifference)Money.FromUsd(2)).Usd.Should().Be(2);
    }

    [Fact]
    public void NonFiniteValuesAndZeroDivisor_AreRefusedNamingTheParameter()
    {
        FluentActions.Invoking(() => MoneyDifference.FromUsd(double.NaN)).Should().Throw<ArgumentOutOfRangeException>().Which.ParamName.Should().Be("usd");
        FluentActions.Invoking(() => MoneyDifference.FromUsd(1) / 0).Should().Throw<ArgumentOutOfRangeException>().Which.ParamName.Should().Be("divisor");
        FluentActions.Invoking(() => MoneyDifference.FromUsd(1) * double.PositiveInfinity).Should().Throw<ArgumentOutOfRangeException>().Which.ParamName.Should().Be("factor");
    }

    [Fact]
    public void Formatting_PutsTheSignBeforeTheCurrency_InvariantCulture()
    {
        MoneyDifference.FromUsd(-1234.5).ToString("N1", null).Should().Be("-$1,234.5");
        MoneyDifference.FromUsd(2).ToString().Should().Be("$2");
        MoneyDifference.FromUsd(-0.0).ToString().Should().Be("$0");
    }

    [Fact]
    public void HourlyRateSubtraction_RefusesANegativeResult_InsteadOfSaturating()
    {
        (HourlyRate.FromUsdPerHour(5) - HourlyRate.FromUsdPerHour(3)).UsdPerHour.Should().Be(2);
        FluentActions.Invoking(() => HourlyRate.FromUsdPerHour(3) - HourlyRate.FromUsdPerHour(5)).Should().Throw<ArgumentOutOfRangeException>().Which.ParamName.Should().Be("right");
    }
}
