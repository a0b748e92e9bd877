using System.Globalization;
using System.Text;
using TokenCost.Charts;

namespace TokenCost.Cli.Infrastructure;

/// <summary>Writes charts through <see cref="OutputFile"/> (atomic, never over an input) within a bounded image size.</summary>
public static class ChartOutput
{
    /// <summary>The largest width or height accepted, in pixels.</summary>
    public const int MaxSide = 10_000;

    /// <summary>The most pixels accepted (width × height): 40 megapixels, about 160 MB of RGBA while drawing.</summary>
    public const long MaxPixels = 40_000_000;

    /// <summary>Checks the requested size before any drawing.</summary>
    /// <param name="width">The width in pixels.</param>
    /// <param name="height">The height in pixels.</param>
    public static void CheckSize(int width, int height)
    {
        if (width > MaxSide)
        {
            throw new CliUsageException(string.Create(CultureInfo.InvariantCulture, $"--width must be at most {MaxSide} pixels; got {width}."));
        }

        if (height > MaxSide)
        {
            throw new CliUsageException(string.Create(CultureInfo.InvariantCulture, $"--height must be at most {MaxSide} pixels; got {height}."));
        }

        if ((long)width * height > MaxPixels)
        {
            throw new CliUsageException(string.Create(CultureInfo.InvariantCulture, $"--width × --height must be at most {MaxPixels} pixels; got {width} × {height}."));
        }
    }

    /// <summary>Renders and writes the chart; the <c>--out</c> extension picks SVG or PNG.</summary>
    /// <param name="chart">The chart.</param>
    /// <param name="path">The <c>--out</c> path.</param>
    /// <param name="width">The width in pixels.</param>
    /// <param name="height">The height in pixels.</param>
    /// <param name="inputs">The command's input files, with their options.</param>
    public static void Save(Chart chart, string path, int width, int height, params (string Option, string? Path)[] inputs)
    {
        ArgumentNullException.ThrowIfNull(chart);
        ArgumentNullException.ThrowIfNull(path);
        CheckSize(width, height);
        var bytes = Path.GetExtension(path).Equals(".png", StringComparison.OrdinalIgnoreCase)
            ? chart.ToPng(width, height)
            : new UTF8Encoding(false).GetBytes(Rendering.OutputText.Clean(chart.ToSvg(width, height), keepLineBreaks: true));
        OutputFile.Write("--out", path, bytes, inputs);
    }
}
