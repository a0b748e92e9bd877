using ScottPlot;

namespace TokenCost.Charts;

/// <summary>A finished chart that can be written as SVG or PNG.</summary>
/// <remarks>
/// Drawn with ScottPlot 5 (SkiaSharp). Rendering is serialised, so one instance may be written from several threads. The plotting
/// library's types stay internal: callers see only this class.
/// </remarks>
public sealed class Chart
{
    private readonly Plot _plot;
    private readonly Lock _gate = new();

    internal Chart(Plot plot, string title)
    {
        _plot = plot;
        Title = title;
    }

    /// <summary>Gets the chart's title.</summary>
    public string Title { get; }

    /// <summary>The default image width in pixels.</summary>
    public const int DefaultWidth = 900;

    /// <summary>The default image height in pixels.</summary>
    public const int DefaultHeight = 560;

    /// <summary>Renders the chart as an SVG document.</summary>
    /// <param name="width">The width in pixels, ≥ 1.</param>
    /// <param name="height">The height in pixels, ≥ 1.</param>
    /// <returns>The SVG text.</returns>
    public string ToSvg(int width = DefaultWidth, int height = DefaultHeight)
    {
        CheckSize(width, height);
        lock (_gate)
        {
            return _plot.GetSvgXml(width, height);
        }
    }

    /// <summary>Renders the chart as a PNG image.</summary>
    /// <param name="width">The width in pixels, ≥ 1.</param>
    /// <param name="height">The height in pixels, ≥ 1.</param>
    /// <returns>The PNG bytes.</returns>
    public byte[] ToPng(int width = DefaultWidth, int height = DefaultHeight)
    {
        CheckSize(width, height);
        lock (_gate)
        {
            return _plot.GetImageBytes(width, height, ImageFormat.Png);
        }
    }

    /// <summary>Writes the chart to a file whose extension picks the format: <c>.svg</c> or <c>.png</c> (case-insensitive).</summary>
    /// <param name="path">The file to create or replace.</param>
    /// <param name="width">The width in pixels, ≥ 1.</param>
    /// <param name="height">The height in pixels, ≥ 1.</param>
    /// <exception cref="ArgumentException">The extension is neither .svg nor .png.</exception>
    public void Save(string path, int width = DefaultWidth, int height = DefaultHeight)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var extension = Path.GetExtension(path).ToUpperInvariant();
        switch (extension)
        {
            case ".SVG":
                WriteAtomically(path, System.Text.Encoding.UTF8.GetBytes(ToSvg(width, height)));
                break;
            case ".PNG":
                WriteAtomically(path, ToPng(width, height));
                break;
            default:
                throw new ArgumentException($"The chart file must end in .svg or .png; got '{path}'.", nameof(path));
        }
    }

    /// <summary>Writes a temporary file in the same directory, then renames it over the target: concurrent writers never interleave.</summary>
    private static void WriteAtomically(string path, byte[] bytes)
    {
        var full = Path.GetFullPath(path);
        var temp = Path.Combine(Path.GetDirectoryName(full) ?? ".", "." + Path.GetFileName(full) + "." + Guid.NewGuid().ToString("N")[..12] + ".tmp");
        try
        {
            File.WriteAllBytes(temp, bytes);
            File.Move(temp, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }
        }
    }

    private static void CheckSize(int width, int height)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);
    }
}
