using System.Reflection;
using TokenCost.Catalogs;
using TokenCost.Comparisons;
using TokenCost.Costs;
using TokenCost.Estimation;

namespace TokenCost.Tests.Rendering;

/// <summary>Walks the convention exactly as the .NET Interactive kernel does: by attribute name and public members, through reflection.</summary>
public class NotebookFormatterTests
{
    [Theory]
    [InlineData(typeof(TokenCostReport))]
    [InlineData(typeof(PerformanceEstimate))]
    [InlineData(typeof(PlatformComparison))]
    [InlineData(typeof(Catalog))]
    public void TypeFormatterSource_ResultType_IsFoundByNameAndPrefersHtml(Type type)
    {
        var attribute = type.GetCustomAttributes(true).Single(a => a.GetType().Name == "TypeFormatterSourceAttribute");

        attribute.GetType().IsPublic.Should().BeFalse("the attribute is internal: no public API, no notebook dependency");
        var preferred = (string[]?)attribute.GetType().GetProperty("PreferredMimeTypes")!.GetValue(attribute);
        preferred.Should().Equal("text/html");
        attribute.GetType().GetProperty("FormatterSourceType")!.GetValue(attribute).Should().BeAssignableTo<Type>();
    }

    [Fact]
    public void CreateTypeFormatters_HtmlFormatter_WritesTheSameTextAsToHtml()
    {
        var report = RenderingFixture.Report();
        var html = Format(report, "text/html");

        html.Should().Be(report.ToHtml());
        Format(report, "text/markdown").Should().Be(report.ToMarkdown());
        Format(Catalog.Default, "text/html").Should().Contain("<td>nvidia_h100_sxm</td>");
    }

    [Fact]
    public void Format_ForeignValue_ReturnsFalseSoTheHostFallsBack()
    {
        var formatter = Formatters(typeof(TokenCostReport)).First();
        using var writer = new StringWriter();

        var handled = (bool)formatter.GetType().GetMethod("Format")!.Invoke(formatter, ["just a string", writer])!;

        handled.Should().BeFalse();
        writer.ToString().Should().BeEmpty();
    }

    private static string? Format(object value, string mimeType)
    {
        foreach (var formatter in Formatters(value.GetType()))
        {
            if ((string?)formatter.GetType().GetProperty("MimeType")!.GetValue(formatter) == mimeType)
            {
                using var writer = new StringWriter();
                var handled = (bool)formatter.GetType().GetMethod("Format")!.Invoke(formatter, [value, writer])!;
                return handled ? writer.ToString() : null;
            }
        }

        return null;
    }

    private static IEnumerable<object> Formatters(Type type)
    {
        var attribute = type.GetCustomAttributes(true).Single(a => a.GetType().Name == "TypeFormatterSourceAttribute");
        var sourceType = (Type)attribute.GetType().GetProperty("FormatterSourceType")!.GetValue(attribute)!;
        var source = Activator.CreateInstance(sourceType)!;
        var method = sourceType.GetMethod("CreateTypeFormatters", BindingFlags.Public | BindingFlags.Instance)!;
        return ((System.Collections.IEnumerable)method.Invoke(source, null)!).Cast<object>();
    }
}
