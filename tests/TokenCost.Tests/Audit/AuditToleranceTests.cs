using TokenCost.Audit;

namespace TokenCost.Tests.Audit;

public class AuditToleranceTests
{
    [Theory]
    [InlineData(0.45, 0.005)]
    [InlineData(8.2, 0.05)]
    [InlineData(500, 50)]
    [InlineData(5_000_000, 500_000)]
    [InlineData(4.0, 0.5)]
    [InlineData(0.15, 0.005)]
    [InlineData(-0.2, 0.05)]
    [InlineData(12.9, 0.05)]
    [InlineData(141, 0.5)]
    public void HalfUnitOfLastDigit_ReadsTheFigureAsWritten(double figure, double expected) =>
        AuditTolerance.HalfUnitOfLastDigit(figure).Should().BeApproximately(expected, expected * 1e-9);

    [Fact]
    public void HalfUnitOfLastDigit_NaN_Throws()
    {
        var act = () => AuditTolerance.HalfUnitOfLastDigit(double.NaN);

        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("figure");
    }

    [Theory]
    [InlineData(500, 474.5, true)]        // "nearly $500": one significant digit, ±50
    [InlineData(0.15, 0.15556, true)]     // 3.7 % off, inside 5 %
    [InlineData(0.54, 0.5429, true)]
    [InlineData(3.2, 3.2, true)]
    [InlineData(4.5, 5.0, false)]         // 10 % off, outside ±0.05 and 5 %
    [InlineData(4, 3.687, true)]          // "4x": one significant digit, ±0.5
    [InlineData(30, 15.75, false)]
    public void Matches_AppliesRoundingOrFivePercent(double claimed, double reference, bool expected) =>
        AuditTolerance.Matches(claimed, reference).Should().Be(expected);

    [Fact]
    public void MatchesSpecification_DoesNotReadRoundSpecsLoosely()
    {
        AuditTolerance.MatchesSpecification(100, 80).Should().BeFalse();
        AuditTolerance.MatchesSpecification(12.9, 12.88).Should().BeTrue();
    }

    [Fact]
    public void BelowFloor_NeedsToBeatTheFloorBeyondRoundingAndSlack()
    {
        AuditTolerance.BelowFloor(8.2, 11.07).Should().BeTrue();
        AuditTolerance.BelowFloor(10.9, 11.0).Should().BeFalse("10.95 is within 2 % of 11.0");
        AuditTolerance.BelowFloor(9.5, 7.0).Should().BeFalse();
        AuditTolerance.AboveCeiling(61, 54.96).Should().BeTrue();
        AuditTolerance.AboveCeiling(60, 54.96).Should().BeFalse("a round 60 is read as [55, 65]");
        AuditTolerance.AboveCeiling(38, 54.96).Should().BeFalse();
    }
}
