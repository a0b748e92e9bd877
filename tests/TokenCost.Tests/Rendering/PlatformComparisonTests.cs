using System.Text.RegularExpressions;
using TokenCost.Catalogs;
using TokenCost.Comparisons;

namespace TokenCost.Tests.Rendering;

public class PlatformComparisonTests
{
    private static readonly string[] Platforms = ["nvidia_h100_sxm", "nvidia_a100_40gb_sxm"];

    [Fact]
    public void Create_ModelTooLargeForOneDevice_UsesTheFewestDevicesThatFit()
    {
        // Llama-2-70B in BF16 is ~138 GB of weights: it fits on 2 × 80 GB H100 but needs 4 × 40 GB A100.
        var comparison = PlatformComparison.Create(TestPricing.Default, "llama-2-70b", Platforms, RenderingFixture.Workload, "bf16");

        comparison.Reports.Select(r => r.Estimate.Configuration.Devices).Should().Equal(2, 4);
        comparison.Reports.Should().OnlyContain(r => r.Estimate.Memory.Fits);
        comparison.Cheapest.Should().BeSameAs(comparison.Reports.MinBy(r => r.CostPerMillionOutputTokens.Usd));
    }

    [Fact]
    public void ToHtml_Comparison_IsOneFlatTableWithARowPerPlatform()
    {
        var comparison = PlatformComparison.Create(TestPricing.Default, "llama-2-70b", Platforms, RenderingFixture.Workload, "int4");

        var html = comparison.ToHtml();

        Regex.Matches(html, "<table").Should().HaveCount(1);
        Regex.Matches(html, "<tbody>.*</tbody>").Should().HaveCount(1);
        Regex.Matches(html, "<tr>").Should().HaveCount(3, "one header row and one row per platform");
        html.Should().Contain("<td>nvidia_a100_40gb_sxm</td>");
    }

    [Fact]
    public void ToMarkdown_Comparison_HasElevenColumnsOnEveryLine()
    {
        var markdown = PlatformComparison.Create(TestPricing.Default, "llama-2-70b", Platforms, RenderingFixture.Workload, "int4").ToMarkdown();

        var tableLines = markdown.Split('\n').Where(l => l.StartsWith('|')).ToList();
        tableLines.Should().HaveCount(4);
        tableLines.Should().OnlyContain(l => l.Count(c => c == '|') == 12);
    }

    [Fact]
    public void Constructor_NoReports_Throws()
    {
        var act = () => new PlatformComparison([]);

        act.Should().Throw<ArgumentException>().WithParameterName("reports");
    }
}
