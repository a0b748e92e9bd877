using System.Text.RegularExpressions;
using TokenCost.Catalogs;

namespace TokenCost.Tests.Rendering;

public class CatalogRenderingTests
{
    [Fact]
    public void ToHtml_DefaultCatalog_HasFourTablesAndARowPerHardwareEntry()
    {
        var html = Catalog.Default.ToHtml();

        Regex.Matches(html, "<table").Should().HaveCount(4);
        var hardwareTable = html[..(html.IndexOf("</table>", StringComparison.Ordinal) + 8)];
        Regex.Matches(hardwareTable, "<tr>").Should().HaveCount(Catalog.Default.Hardware.Count + 1);
    }

    [Fact]
    public void ToMarkdown_DefaultCatalog_EveryHardwareRowHasEightCells()
    {
        var markdown = Catalog.Default.ToMarkdown();
        var hardware = markdown.Split("\n\n")[1].Split('\n', StringSplitOptions.RemoveEmptyEntries);

        hardware.Should().HaveCount(Catalog.Default.Hardware.Count + 2);
        hardware.Should().OnlyContain(l => Regex.Count(l, @"(?<!\\)\|") == 9);
    }
}
