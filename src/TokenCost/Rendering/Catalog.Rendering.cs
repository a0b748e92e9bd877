using System.Text;
using TokenCost.Rendering;
using ComputePrecision = TokenCost.Hardware.ComputePrecision;

namespace TokenCost.Catalogs;

[TypeFormatterSource(typeof(HtmlFormatterSource), PreferredMimeTypes = [RenderedView.HtmlMimeType])]
public sealed partial class Catalog
{
    /// <summary>
    /// Renders the catalog as four HTML tables (hardware, models, numeric formats, serving stacks), one row per entry, in the invariant culture.
    /// </summary>
    /// <returns>An HTML fragment; memory in GB, bandwidth in TB/s, compute in TFLOP/s (dense BF16), power in W, prices in USD.</returns>
    public string ToHtml()
    {
        var sb = new StringBuilder();
        foreach (var table in Views())
        {
            table.WriteHtml(sb);
        }

        return sb.ToString();
    }

    /// <summary>Renders the catalog as four GitHub-flavoured Markdown tables with the same rows and units as <see cref="ToHtml"/>.</summary>
    /// <returns>The Markdown text.</returns>
    public string ToMarkdown()
    {
        var sb = new StringBuilder();
        foreach (var table in Views())
        {
            table.WriteMarkdown(sb);
            sb.Append('\n');
        }

        return sb.ToString();
    }

    private IEnumerable<TableView> Views()
    {
        var hardware = new TableView(
            "Hardware (catalog " + Version + ")", "Id", "Name", "Memory (GB)", "Bandwidth (TB/s)", "BF16 dense (TFLOP/s)", "TDP (W)", "Cloud $/h", "Estimate")
            .Numeric(2, 3, 4, 5, 6);
        foreach (var h in Hardware)
        {
            hardware.Row(
                h.Id,
                h.Name,
                Cells.Number(h.MemoryCapacity.Gigabytes, "F0"),
                Cells.Number(h.MemoryBandwidth.BytesPerSecond / 1e12, "F2"),
                Cells.Or(h.PeakFor(ComputePrecision.Bf16)?.TeraflopsPerSecond, v => Cells.Number(v, "F0"), "—"),
                Cells.Or(h.ThermalDesignPower?.Watts, v => Cells.Number(v, "F0"), "—"),
                Cells.Or(h.CloudPricePerDeviceHour?.UsdPerHour, v => Cells.Number(v, "F2"), "—"),
                Cells.YesNo(h.IsEstimate));
        }

        yield return hardware;

        var models = new TableView("Models", "Id", "Name", "Parameters (B)", "Active per token (B)", "Layers", "Hidden", "KV heads", "Experts").Numeric(2, 3, 4, 5, 6, 7);
        foreach (var m in Models)
        {
            models.Row(
                m.Id,
                m.Name,
                Cells.Number(m.TotalParameters / 1e9, "F1"),
                Cells.Number(m.ActiveParametersPerToken / 1e9, "F1"),
                Cells.Integer(m.Layers),
                Cells.Integer(m.HiddenSize),
                Cells.Number(m.KeyValueHeads, "G4"),
                m.IsMixtureOfExperts ? FormattableString.Invariant($"{m.ExpertsPerToken} of {m.Experts}") : "dense");
        }

        yield return models;

        var formats = new TableView("Numeric formats", "Id", "Bytes per element", "Compute precision", "Weight-only", "Description").Numeric(1);
        foreach (var f in Formats)
        {
            formats.Row(f.Id, Cells.Number(f.BytesPerElement, "G4"), f.ComputePrecision.ToString(), Cells.YesNo(f.WeightOnly), f.Description);
        }

        yield return formats;

        var stacks = new TableView("Serving stacks", "Id", "Description");
        foreach (var s in Stacks)
        {
            stacks.Row(s.Id, s.Description);
        }

        yield return stacks;
    }
}
