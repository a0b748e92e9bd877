using TokenCost.Rendering;

namespace TokenCost.Costs;

[TypeFormatterSource(typeof(HtmlFormatterSource), PreferredMimeTypes = [RenderedView.HtmlMimeType])]
public sealed partial record TokenCostReport
{
    /// <summary>
    /// Renders the report as one HTML <c>&lt;table&gt;</c>: the estimate, then the cost per hour by component, the cost of one million
    /// input and output tokens, energy and emissions, in the invariant culture.
    /// </summary>
    /// <returns>An HTML fragment (no page wrapper); money in USD, times in ms, energy in J, emissions in g CO2e.</returns>
    public string ToHtml() => View().ToHtml();

    /// <summary>Renders the report as a GitHub-flavoured Markdown table with the same rows and units as <see cref="ToHtml"/>.</summary>
    /// <returns>The Markdown text.</returns>
    public string ToMarkdown() => View().ToMarkdown();

    private TableView View()
    {
        var table = new TableView("Token cost", "Quantity", "Value");
        Cells.AddEstimateRows(table, Estimate);
        table.Row("Cost per hour (USD)", Cells.Usd(TotalCostPerHour.UsdPerHour, "F3"));
        foreach (var part in Components)
        {
            table.Row(
                $"  {part.Name} ({part.Category.ToString().ToLowerInvariant()})",
                $"{Cells.Usd(part.CostPerHour.UsdPerHour, "F3")}/h → {Cells.Usd(part.CostPerMillionOutputTokens.Usd, "F3")} per 1M output");
        }

        table.Row("Cost per 1M input tokens (USD)", Cells.Usd(CostPerMillionInputTokens.Usd, "F4"));
        table.Row("Cost per 1M output tokens (USD)", Cells.Usd(CostPerMillionOutputTokens.Usd, "F3"));
        table.Row("Facility power (W)", Cells.Number(FacilityPower.Watts, "F0"));
        table.Row("Facility energy per output token (J)", Cells.Or(FacilityEnergyPerOutputToken?.Joules, v => Cells.Number(v, "F3")));
        table.Row("Emissions per 1M output tokens (g CO2e)", Cells.Or(GramsCo2ePerMillionOutputTokens, v => Cells.Number(v, "F0")));
        return table;
    }
}
