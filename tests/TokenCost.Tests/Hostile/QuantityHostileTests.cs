using System.Reflection;
using TokenCost.Quantities;

namespace TokenCost.Tests.Hostile;

public class QuantityHostileTests
{
    public static TheoryData<string> Factories()
    {
        var data = new TheoryData<string>();
        foreach (var m in FactoryMethods())
        {
            data.Add(m.DeclaringType!.Name + "." + m.Name);
        }

        return data;
    }

    private static IEnumerable<MethodInfo> FactoryMethods() =>
        typeof(DataSize).Assembly.GetExportedTypes()
            .Where(t => t.Namespace == "TokenCost.Quantities" && t.IsValueType)
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Static))
            .Where(m => m.Name.StartsWith("From", StringComparison.Ordinal) && m.GetParameters() is [{ ParameterType: var p }] && p == typeof(double))
            .OrderBy(m => m.DeclaringType!.Name + "." + m.Name, StringComparer.Ordinal);

    [Fact]
    public void EveryQuantity_HasFactories()
    {
        FactoryMethods().Select(m => m.DeclaringType).Distinct().Should().HaveCountGreaterThanOrEqualTo(12);
    }

    [Theory]
    [MemberData(nameof(Factories))]
    public void Factory_RejectsNaNInfinityNegativeAndOverflow_NamingTheParameter(string factory)
    {
        var method = FactoryMethods().Single(m => m.DeclaringType!.Name + "." + m.Name == factory);
        var parameter = method.GetParameters()[0].Name;
        // A signed quantity (a difference of money) takes negative values; every quantity refuses NaN and infinities.
        var signed = method.DeclaringType == typeof(MoneyDifference);
        foreach (var bad in new[] { double.NaN, double.PositiveInfinity, double.NegativeInfinity, -1.0, -double.Epsilon, double.MaxValue })
        {
            if ((bad == double.MaxValue && !Overflows(method)) || (signed && bad is -1.0 or -double.Epsilon))
            {
                continue;
            }

            var act = () => method.Invoke(null, [bad]);
            act.Should().Throw<TargetInvocationException>()
                .WithInnerException<ArgumentOutOfRangeException>()
                .Which.ParamName.Should().Be(parameter, $"{factory}({bad})");
        }

        method.Invoke(null, [0.0]).Should().NotBeNull();
    }

    // A factory whose unit is larger than the base unit overflows at double.MaxValue; one in the base unit accepts it.
    private static bool Overflows(MethodInfo method)
    {
        try
        {
            method.Invoke(null, [1.0e300]);
            method.Invoke(null, [double.MaxValue]);
            return false;
        }
        catch (TargetInvocationException)
        {
            return true;
        }
    }

    [Fact]
    public void Operators_RejectNaNFactorsAndZeroDivisors()
    {
        var size = DataSize.FromGigabytes(1);
        ((Func<DataSize>)(() => size * double.NaN)).Should().Throw<ArgumentOutOfRangeException>().Which.ParamName.Should().Be("factor");
        ((Func<DataSize>)(() => size * -2)).Should().Throw<ArgumentOutOfRangeException>().Which.ParamName.Should().Be("factor");
        ((Func<DataSize>)(() => size / 0.0)).Should().Throw<ArgumentOutOfRangeException>().Which.ParamName.Should().Be("divisor");
        ((Func<double>)(() => size / DataSize.Zero)).Should().Throw<ArgumentOutOfRangeException>().Which.ParamName.Should().Be("right");
        ((Func<HourlyRate>)(() => HourlyRate.FromUsdPerHour(1) * double.PositiveInfinity)).Should().Throw<ArgumentOutOfRangeException>();
        ((Func<Money>)(() => Money.FromUsd(1e308) * 10)).Should().Throw<OverflowException>();
    }
}
