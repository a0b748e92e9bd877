using TokenCost.Catalogs;
using TokenCost.Charts;
using TokenCost.Comparisons;
using TokenCost.Economics.Frontier;
using TokenCost.Estimation;
using TokenCost.Tests.Rendering;

namespace TokenCost.Tests.Charts;

public sealed class ChartTests : IDisposable
{
    private static readonly byte[] PngSignature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    private readonly string _directory = Directory.CreateTempSubdirectory("tokencost-charts-").FullName;

    private static DeploymentConfiguration Configuration => DeploymentConfiguration.Create(Catalog.Default, "llama-2-70b", "nvidia_h100_sxm", "int4");

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Save_RooflineAsSvg_WritesAnSvgDocument()
    {
        var path = Path.Combine(_directory, "roofline.svg");

        RooflineChart.Create(TestPricing.Default, Configuration, RenderingFixture.Workload, [1, 64]).Save(path, 400, 300);

        var text = File.ReadAllText(path).TrimStart();
        (text.StartsWith("<svg", StringComparison.Ordinal) || text.StartsWith("<?xml", StringComparison.Ordinal)).Should().BeTrue();
        text.Should().Contain("Ridge point");
    }

    [Fact]
    public void CurveChart_DrawsOneSeriesPerHardware()
    {
        var configurations = new[] { "nvidia_h100_sxm", "amd_mi300x" }.Select(hw => DeploymentConfiguration.Create(Catalog.Default, "llama-3.1-8b", hw, "fp8"));
        var curve = TokenCost.Economics.Curves.InteractivityCurve.Sweep(TestPricing.Default, configurations, RenderingFixture.Workload, [1, 8, 64]);

        var svg = CurveChart.Create(curve).ToSvg(400, 300);

        svg.Should().Contain("nvidia_h100_sxm").And.Contain("amd_mi300x").And.Contain("tokens/s per user");
        var empty = () => CurveChart.Create(TokenCost.Economics.Curves.InteractivityCurve.Sweep(TestPricing.Default, [DeploymentConfiguration.Create(Catalog.Default, "llama-3.1-405b", "nvidia_l4", "bf16")], RenderingFixture.Workload));
        empty.Should().Throw<ArgumentException>();
    }

    [Fact]
    public void Save_FrontierAsPng_WritesThePngSignature()
    {
        var path = Path.Combine(_directory, "frontier.PNG");

        FrontierChart.Create(TestPricing.Default, Configuration, RenderingFixture.Workload).Save(path, 400, 300);

        File.ReadAllBytes(path).Take(8).Should().Equal(PngSignature);
    }

    [Fact]
    public void FrontierChart_DrawsTheFrontierCommandsPoints_CheaperAndSlowerAsTheBatchGrows()
    {
        // One frontier: the chart draws LatencyCostFrontier.Evaluate's points (the 'frontier' command's), not a sweep of its own.
        var points = LatencyCostFrontier.Evaluate(TestPricing.Default, [Configuration], RenderingFixture.Workload);

        points.Count.Should().BeGreaterThan(2);
        points.Select(p => p.Batch).Should().BeInAscendingOrder();
        points.Select(p => p.CostPerMillionOutputTokens.Usd).Should().BeInDescendingOrder();
        points.Select(p => p.TimePerOutputToken.Seconds).Should().BeInAscendingOrder();
        points.Should().OnlyContain(p => p.Fits);
        var svg = FrontierChart.Create(TestPricing.Default, Configuration, RenderingFixture.Workload).ToSvg(900, 560);
        var line = System.Text.RegularExpressions.Regex.Match(svg, "stroke=\"#4C72B0\"[^>]* d=\"(M[^\"]*)\"").Groups[1].Value;
        (line.Count(c => c == 'L') + 1).Should().Be(points.Count, "the chart's line joins exactly the frontier's points");
    }

    [Fact]
    public void ToSvg_ComparisonAndBreakdown_RenderEveryPlatformLabel()
    {
        var comparison = PlatformComparison.Create(TestPricing.Default, "llama-2-70b", ["nvidia_h100_sxm", "amd_mi300x"], RenderingFixture.Workload, "int4");

        var svg = PlatformComparisonChart.Create(comparison).ToSvg(400, 300);

        svg.Should().Contain("nvidia_h100_sxm").And.Contain("amd_mi300x");
    }

    [Fact]
    public void Save_UnknownExtension_ThrowsNamingThePath()
    {
        var act = () => RooflineChart.Create(TestPricing.Default, Configuration, RenderingFixture.Workload, [1]).Save(Path.Combine(_directory, "x.jpg"));

        act.Should().Throw<ArgumentException>().WithParameterName("path");
    }
}
