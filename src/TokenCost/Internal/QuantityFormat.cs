using System.Globalization;

namespace TokenCost.Internal;

/// <summary>Formats a number and its unit; invariant culture unless a provider is given.</summary>
internal static class QuantityFormat
{
    public static string Format(double value, string unit, string? format, IFormatProvider? provider)
    {
        var number = value.ToString(string.IsNullOrEmpty(format) ? "G4" : format, provider ?? CultureInfo.InvariantCulture);
        return unit == "USD" ? "$" + number : number + " " + unit;
    }
}
