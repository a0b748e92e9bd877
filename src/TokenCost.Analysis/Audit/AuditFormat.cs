using System.Globalization;

namespace TokenCost.Audit;

/// <summary>Invariant number formatting for audit texts.</summary>
internal static class AuditFormat
{
    public static string N(double value, int significant = 3)
    {
        if (value == 0 || !double.IsFinite(value))
        {
            return Rendering.OutputText.Number(value, "G"); // 0 (never −0) or n/a
        }

        var magnitude = (int)Math.Floor(Math.Log10(Math.Abs(value)));
        var decimals = Math.Max(0, significant - 1 - magnitude);
        var rounded = Math.Round(value, Math.Min(decimals, 15));
        return rounded.ToString("#,0." + new string('#', Math.Min(decimals, 15)), CultureInfo.InvariantCulture);
    }

    public static string Percent(double fraction, int significant = 3) => N(fraction * 100, significant) + " %";

    public static string Inv(FormattableString text) => FormattableString.Invariant(text);
}
