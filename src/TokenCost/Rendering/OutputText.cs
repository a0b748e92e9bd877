using System.Globalization;
using System.Text;

namespace TokenCost.Rendering;

/// <summary>
/// The one output sanitiser for text that reaches a terminal, a CSV, HTML or Markdown document: control characters (ESC, BEL, the
/// other C0 controls except tab and line breaks, DEL, the C1 controls and the bidirectional overrides) become U+FFFD, so that an id
/// read from a file cannot retitle or clear a terminal; numbers never print as −0, NaN or infinity.
/// </summary>
/// <remarks>This type is stateless and thread-safe.</remarks>
public static class OutputText
{
    /// <summary>The character that replaces a control character.</summary>
    public const char Replacement = '\uFFFD';

    /// <summary>Gets whether a character is replaced by <see cref="Clean(string?, bool)"/>.</summary>
    /// <param name="c">The character.</param>
    /// <param name="keepLineBreaks">Whether CR and LF are kept.</param>
    /// <returns>True for a control character.</returns>
    public static bool IsControl(char c, bool keepLineBreaks = false) =>
        c switch
        {
            '\t' => false,
            '\n' or '\r' => !keepLineBreaks,
            < ' ' => true,
            >= '\u007F' and <= '\u009F' => true,
            >= '\u202A' and <= '\u202E' => true, // bidirectional embeddings and overrides
            >= '\u2066' and <= '\u2069' => true, // bidirectional isolates
            _ => false,
        };

    /// <summary>Replaces every control character by <see cref="Replacement"/>.</summary>
    /// <param name="text">The text (null is empty).</param>
    /// <param name="keepLineBreaks">Whether CR and LF are kept (multi-line documents); otherwise they are replaced too.</param>
    /// <returns>The clean text.</returns>
    public static string Clean(string? text, bool keepLineBreaks = false)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var i = 0;
        while (i < text.Length && !IsControl(text[i], keepLineBreaks))
        {
            i++;
        }

        if (i == text.Length)
        {
            return text;
        }

        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            sb.Append(IsControl(c, keepLineBreaks) ? Replacement : c);
        }

        return sb.ToString();
    }

    /// <summary>Formats one CSV field (RFC 4180): clean, quoted when it holds a comma, quote or line break, and a leading
    /// <c>=</c>, <c>+</c>, <c>-</c> or <c>@</c> neutralised with an apostrophe so that spreadsheets do not run it as a formula.</summary>
    /// <param name="text">The text of a field (an id, a name); numbers should use <see cref="Number(double, string)"/>.</param>
    /// <returns>The field as written in the file.</returns>
    public static string CsvField(string? text)
    {
        var t = Clean(text);
        if (t.Length > 0 && t[0] is '=' or '+' or '-' or '@' or '\t')
        {
            t = "'" + t;
        }

        return t.AsSpan().IndexOfAny(",\"\r\n") >= 0 || (t.Length > 0 && (t[0] == ' ' || t[^1] == ' '))
            ? "\"" + t.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : t;
    }

    /// <summary>Formats a number in the invariant culture; −0 prints as 0 and a non-finite value as "n/a".</summary>
    /// <param name="value">The value.</param>
    /// <param name="format">A .NET numeric format string.</param>
    /// <returns>The text.</returns>
    public static string Number(double value, string format)
    {
        if (!double.IsFinite(value))
        {
            return "n/a";
        }

        var text = (value == 0 ? 0 : value).ToString(format, CultureInfo.InvariantCulture);

        // A tiny negative value rounds to "-0.00": print it without the sign.
        return text.Length > 1 && text[0] == '-' && text.AsSpan(1).IndexOfAnyExcept("0.") < 0 ? text[1..] : text;
    }
}
