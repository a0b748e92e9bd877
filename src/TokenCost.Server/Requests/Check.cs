using System.Globalization;

namespace TokenCost.Server.Requests;

/// <summary>Range checks on request fields; each failure names the field and the allowed range.</summary>
internal static class Check
{
    /// <summary>Checks an integer range.</summary>
    /// <param name="value">The value.</param>
    /// <param name="min">The smallest allowed.</param>
    /// <param name="max">The largest allowed.</param>
    /// <param name="field">The field.</param>
    /// <returns>The value.</returns>
    public static int Int(int value, int min, int max, string field) =>
        value >= min && value <= max ? value : throw new RequestValidationException(field, Invariant($"{field} must be an integer from {min} to {max}; got {value}."));

    /// <summary>Checks an optional integer range.</summary>
    /// <param name="value">The value.</param>
    /// <param name="min">The smallest allowed.</param>
    /// <param name="max">The largest allowed.</param>
    /// <param name="field">The field.</param>
    /// <returns>The value.</returns>
    public static int? Int(int? value, int min, int max, string field) => value is int v ? Int(v, min, max, field) : null;

    /// <summary>Checks an optional finite number ≥ 0 (or &gt; 0).</summary>
    /// <param name="value">The value.</param>
    /// <param name="field">The field.</param>
    /// <param name="allowZero">Whether zero is allowed.</param>
    /// <returns>The value.</returns>
    public static double? NonNegative(double? value, string field, bool allowZero = true) =>
        value is not double v || (double.IsFinite(v) && (v > 0 || (allowZero && v == 0)))
            ? value
            : throw new RequestValidationException(field, Invariant($"{field} must be a finite number {(allowZero ? "≥" : ">")} 0; got {v}."));

    /// <summary>Checks an optional number in a closed or half-open range.</summary>
    /// <param name="value">The value.</param>
    /// <param name="min">The lower bound.</param>
    /// <param name="minInclusive">Whether the lower bound is allowed.</param>
    /// <param name="max">The upper bound.</param>
    /// <param name="field">The field.</param>
    /// <returns>The value.</returns>
    public static double? Range(double? value, double min, bool minInclusive, double max, string field) =>
        value is not double v || (double.IsFinite(v) && (minInclusive ? v >= min : v > min) && v <= max)
            ? value
            : throw new RequestValidationException(field, Invariant($"{field} must be a number in {(minInclusive ? "[" : "(")}{min}, {max}]; got {v}."));

    /// <summary>Checks a required, non-empty id of bounded length.</summary>
    /// <param name="value">The id.</param>
    /// <param name="field">The field.</param>
    /// <returns>The id.</returns>
    public static string Id(string? value, string field) =>
        !string.IsNullOrWhiteSpace(value) && value.Length <= 128
            ? value
            : throw new RequestValidationException(field, $"{field} must be a catalog id of 1 to 128 characters.");

    /// <summary>Checks a list's length.</summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="list">The list, or null.</param>
    /// <param name="max">The most entries allowed.</param>
    /// <param name="field">The field.</param>
    /// <returns>The list.</returns>
    public static IReadOnlyList<T>? List<T>(IReadOnlyList<T>? list, int max, string field) =>
        list is null || (list.Count >= 1 && list.Count <= max)
            ? list
            : throw new RequestValidationException(field, Invariant($"{field} must list 1 to {max} entries; got {list.Count}."));

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
