using TokenCost.Quantities;

namespace TokenCost.Tests.Quantities;

public class PhysicsOperatorTests
{
    [Fact]
    public void FlopCount_DividedByRate_GivesTime()
    {
        // 989.4 TFLOP at 989.4 TFLOP/s = 1 s.
        (FlopCount.FromTeraflops(989.4) / FlopRate.FromTeraflopsPerSecond(989.4)).Seconds.Should().BeApproximately(1, 1e-12);
    }

    [Fact]
    public void Power_TimesTime_GivesEnergy()
    {
        // 700 W for 1 h = 0.7 kWh = 2.52 MJ.
        var energy = Power.FromWatts(700) * TimeInterval.FromHours(1);
        energy.KilowattHours.Should().BeApproximately(0.7, 1e-12);
        energy.Joules.Should().BeApproximately(2.52e6, 1e-6);
    }

    [Fact]
    public void Energy_TimesPrice_GivesMoney()
    {
        // 10 kWh at 0.08 $/kWh = $0.80.
        (Energy.FromKilowattHours(10) * EnergyPrice.FromUsdPerKilowattHour(0.08)).Usd.Should().BeApproximately(0.8, 1e-12);
    }

    [Fact]
    public void Power_TimesPrice_GivesHourlyRate()
    {
        // 1.5 kW continuously at 0.10 $/kWh = 0.15 $/h.
        (Power.FromKilowatts(1.5) * EnergyPrice.FromUsdPerKilowattHour(0.10)).UsdPerHour.Should().BeApproximately(0.15, 1e-12);
    }

    [Fact]
    public void HourlyRate_TimesTime_GivesMoney() =>
        (HourlyRate.FromUsdPerHour(2.99) * TimeInterval.FromSeconds(1800)).Usd.Should().BeApproximately(1.495, 1e-12);

    [Fact]
    public void Money_DividedByTime_GivesHourlyRate()
    {
        // $30,000 over 5 years (43,800 h) = 0.6849 $/h.
        (Money.FromUsd(30000) / TimeInterval.FromHours(5 * 8760)).UsdPerHour.Should().BeApproximately(30000.0 / 43800, 1e-12);
    }

    [Fact]
    public void Money_ToDecimal_KeepsValue() => Money.FromUsd(4.5).ToDecimal().Should().Be(4.5m);

    [Fact]
    public void Energy_DividedByTime_GivesPower() => (Energy.FromJoules(10) / TimeInterval.FromSeconds(2)).Watts.Should().Be(5);

    [Fact]
    public void Bandwidth_TimesTime_GivesData() => (Bandwidth.FromGigabytesPerSecond(450) * TimeInterval.FromMilliseconds(2)).Gigabytes.Should().BeApproximately(0.9, 1e-12);

    [Fact]
    public void TimeInterval_ToString_PicksMilliseconds() => TimeInterval.FromMilliseconds(10.4).ToString().Should().Be("10.4 ms");

    [Fact]
    public void Money_ToString_UsesDollarSign() => Money.FromUsd(0.45).ToString("F2", null).Should().Be("$0.45");
}
