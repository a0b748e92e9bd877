using System.Globalization;
using System.Text.RegularExpressions;

namespace TokenCost.Tests.Rendering;

public class TokenCostReportRenderingTests
{
    [Fact]
    public void ToHtml_Report_IsOneTableWithTheCostPerMillionOutputTokens()
    {
        var report = RenderingFixture.Report();

        var html = report.ToHtml();

        html.Should().StartWith("<table").And.EndWith("</table>\n");
        Regex.Matches(html, "<table").Should().HaveCount(1);
        var expected = "$" + report.CostPerMillionOutputTokens.Usd.ToString("F3", CultureInfo.InvariantCulture);
        html.Should().Contain("<td>Cost per 1M output tokens (USD)</td><td>" + expected + "</td>");
    }

    [Fact]
    public void ToHtml_UnderGermanCulture_IsTheInvariantText()
    {
        var report = RenderingFixture.Report();
        var previous = CultureInfo.CurrentCulture;
        string invariant, german;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
            invariant = report.ToHtml() + report.ToMarkdown();
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
            german = report.ToHtml() + report.ToMarkdown();
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }

        german.Should().Be(invariant);
        // The TTFT is a few hundred ms with two decimals: a decimal point, never a comma.
        german.Should().MatchRegex(@"<td>Time to first token</td><td>\d+\.\d\d ms</td>");
    }

    [Fact]
    public void ToMarkdown_Report_HasAHeaderASeparatorAndRowsOfTwoCells()
    {
        var markdown = RenderingFixture.Report().ToMarkdown();

        var lines = markdown.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines[0].Should().Be("**Token cost**");
        lines[1].Should().Be("| Quantity | Value |");
        lines[2].Should().Be("| --- | --- |");
        lines.Skip(3).Should().OnlyContain(l => Regex.Count(l, @"(?<!\\)\|") == 3, "every row has exactly two cells");
        lines.Should().Contain(l => l.StartsWith("| Cost per 1M output tokens (USD) | $", StringComparison.Ordinal));
    }

    [Fact]
    public void ToHtml_Estimate_EscapesMarkupInCells()
    {
        var report = RenderingFixture.Report();
        var estimate = report.Estimate with { Warnings = ["<script>alert(1)</script> & more"] };

        var html = estimate.ToHtml();

        html.Should().NotContain("<script>").And.Contain("&lt;script&gt;alert(1)&lt;/script&gt; &amp; more");
    }
}
