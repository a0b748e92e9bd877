using System.Globalization;

namespace TokenCost.Internal;

/// <summary>Formats a number and its unit; invariant culture unless a provider is given.</summary>
internal static class QuantityFormat
{
    public static string Format(double value, string unit, string? format, IFormatProvider? provider)
    {
        // The one number formatter of quantities: −0 prints as 0 and a non-finite value (which no quantity holds) as "n/a".
        var f = string.IsNullOrEmpty(format) ? "G4" : format;
        var number = provider is null or CultureInfo { Name: "" } ? Rendering.OutputText.Number(value, f) : double.IsFinite(value) ? (value == 0 ? 0 : value).ToString(f, provider) : "n/a";
        return unit == "USD" ? "$" + number : number + " " + unit;
    }
}
