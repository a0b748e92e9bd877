using System.Text.Json;

namespace TokenCost.Tests.Pricing;

/// <summary>What users copy prices through a context: the README tour is the runnable sample, and no sample or notebook cell wires an estimator or calculator by hand.</summary>
public class SamplesUseTheContextTests
{
    private static readonly string Root = RepositoryRoot();

    public static TheoryData<string> Samples()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(Root, "samples"), "*.cs", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(Root, file).Replace('\\', '/'));
        }

        return data;
    }

    [Fact]
    public void ReadmeTour_IsTheRunnableSample()
    {
        var readme = File.ReadAllText(Path.Combine(Root, "README.md")).ReplaceLineEndings("\n");
        var start = readme.IndexOf("## A tour of the library", StringComparison.Ordinal);
        start.Should().BeGreaterThan(0);
        var open = readme.IndexOf("```csharp\n", start, StringComparison.Ordinal) + "```csharp\n".Length;
        var block = readme[open..readme.IndexOf("```", open, StringComparison.Ordinal)].TrimEnd();
        var sample = File.ReadAllText(Path.Combine(Root, "samples", "readme-tour.cs")).ReplaceLineEndings("\n");
        var code = sample[sample.IndexOf("using ", StringComparison.Ordinal)..].TrimEnd();

        block.Should().Be(code, "the README's tour is kept runnable as samples/readme-tour.cs");
        block.Should().Contain("PricingContext.Create(").And.Contain("WithDataCenter(", "a user who changes the electricity price gets it in every price");
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Sample_PricesThroughAContext(string sample)
    {
        var text = File.ReadAllText(Path.Combine(Root, sample));

        text.Should().Contain("PricingContext.Create(");
        text.Should().NotContainAny(["new RooflineEstimator(", "new TokenCostCalculator(", "new ContinuousBatchingEstimator("]);
    }

    [Fact]
    public void Notebook_PricesThroughAContext()
    {
        using var notebook = JsonDocument.Parse(File.ReadAllText(Path.Combine(Root, "samples", "notebooks", "tour.ipynb")));
        var code = string.Concat(notebook.RootElement.GetProperty("cells").EnumerateArray()
            .Where(c => c.GetProperty("cell_type").GetString() == "code")
            .SelectMany(c => c.GetProperty("source").EnumerateArray().Select(l => l.GetString())));

        code.Should().Contain("PricingContext.Create(");
        code.Should().NotContainAny(["new RooflineEstimator(", "new TokenCostCalculator(", "new ContinuousBatchingEstimator("]);
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "TokenCost.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("TokenCost.sln not found above " + AppContext.BaseDirectory);
    }
}
