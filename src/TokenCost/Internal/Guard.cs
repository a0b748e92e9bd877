using System.Globalization;
using System.Runtime.CompilerServices;

namespace TokenCost.Internal;

/// <summary>Argument checks shared by every public entry point; messages are formatted in invariant culture.</summary>
internal static class Guard
{
    public static double NonNegativeFinite(double value, [CallerArgumentExpression(nameof(value))] string? name = null)
    {
        if (!double.IsFinite(value) || value < 0)
        {
            throw new ArgumentOutOfRangeException(name, value, Message(name, value, "a finite number ≥ 0"));
        }

        return value == 0 ? 0 : value; // −0 is stored (and printed) as 0
    }

    /// <summary>Checks a value given in a unit and converts it to the base unit; a value too large to convert is rejected naming the parameter.</summary>
    public static double NonNegativeFiniteScaled(double value, double unit, [CallerArgumentExpression(nameof(value))] string? name = null)
    {
        var scaled = NonNegativeFinite(value, name) * unit;
        if (!double.IsFinite(scaled))
        {
            throw new ArgumentOutOfRangeException(name, value, Message(name, value, "small enough to convert to the base unit without overflow"));
        }

        return scaled;
    }

    public static double PositiveFinite(double value, [CallerArgumentExpression(nameof(value))] string? name = null)
    {
        if (!double.IsFinite(value) || value <= 0)
        {
            throw new ArgumentOutOfRangeException(name, value, Message(name, value, "a finite number > 0"));
        }

        return value;
    }

    public static double Fraction(double value, [CallerArgumentExpression(nameof(value))] string? name = null)
    {
        if (!double.IsFinite(value) || value < 0 || value > 1)
        {
            throw new ArgumentOutOfRangeException(name, value, Message(name, value, "a fraction in [0, 1]"));
        }

        return value == 0 ? 0 : value;
    }

    public static double PositiveFraction(double value, [CallerArgumentExpression(nameof(value))] string? name = null)
    {
        if (!double.IsFinite(value) || value <= 0 || value > 1)
        {
            throw new ArgumentOutOfRangeException(name, value, Message(name, value, "a fraction in (0, 1]"));
        }

        return value;
    }

    /// <summary>Checks a map of multipliers: not null, every value finite and &gt; 0 (the message names the key).</summary>
    public static IReadOnlyDictionary<string, double> PositiveFactors(IReadOnlyDictionary<string, double>? value, [CallerArgumentExpression(nameof(value))] string? name = null)
    {
        ArgumentNullException.ThrowIfNull(value, name);
        foreach (var (key, factor) in value)
        {
            if (!double.IsFinite(factor) || factor <= 0)
            {
                throw new ArgumentOutOfRangeException(name, factor, Message($"{name}['{key}']", factor, "a finite number > 0"));
            }
        }

        return value;
    }

    public static int Positive(int value, [CallerArgumentExpression(nameof(value))] string? name = null)
    {
        if (value <= 0)
        {
            throw new ArgumentOutOfRangeException(name, value, Message(name, value, "an integer ≥ 1"));
        }

        return value;
    }

    public static int NonNegative(int value, [CallerArgumentExpression(nameof(value))] string? name = null)
    {
        if (value < 0)
        {
            throw new ArgumentOutOfRangeException(name, value, Message(name, value, "an integer ≥ 0"));
        }

        return value;
    }

    /// <summary>Checks that a quantity is &gt; 0; <paramref name="magnitude"/> is its size in <paramref name="unit"/>, for the message.</summary>
    public static T PositiveQuantity<T>(T value, double magnitude, string unit, string name)
        where T : struct
    {
        if (!double.IsFinite(magnitude) || magnitude <= 0)
        {
            throw new ArgumentOutOfRangeException(name, value, Message(name, string.Create(CultureInfo.InvariantCulture, $"{magnitude} {unit}"), "> 0"));
        }

        return value;
    }

    /// <summary>Checks that an optional quantity, when given, is &gt; 0.</summary>
    public static T? PositiveQuantity<T>(T? value, Func<T, double> magnitude, string unit, string name)
        where T : struct => value is T v ? PositiveQuantity(v, magnitude(v), unit, name) : null;

    public static T NotNull<T>(T? value, [CallerArgumentExpression(nameof(value))] string? name = null)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(value, name);
        return value;
    }

    public static string NotEmpty(string? value, [CallerArgumentExpression(nameof(value))] string? name = null)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"{name} must be a non-empty string."), name);
        }

        return value;
    }

    /// <summary>Checks the result of arithmetic on valid quantities (overflow to infinity is the only way to fail).</summary>
    public static double Result(double value)
    {
        if (!double.IsFinite(value))
        {
            throw new OverflowException("The result of a quantity operation is not a finite number.");
        }

        return value;
    }

    private static string Message<T>(string? name, T value, string allowed) =>
        string.Create(CultureInfo.InvariantCulture, $"{name} must be {allowed}; got {value}.");
}
