using System.Reflection;
using NetArchTest.Rules;

namespace TokenCost.Tests.Architecture;

/// <summary>
/// Enforces the dependency rule of docs/architecture.md on the compiled assemblies: a TokenCost assembly references only
/// TokenCost assemblies of strictly lower layers, and inside the core package the foundation, estimation and cost layers
/// do not reach up into the analysers built on them (checked on IL, method bodies included, with NetArchTest).
/// </summary>
public class LayeringTests
{
    /// <summary>The layers, lowest first. An assembly may reference TokenCost assemblies of lower layers only.</summary>
    private static readonly string[][] AssemblyLayers =
    [
        ["TokenCost"],
        ["TokenCost.Analysis", "TokenCost.Charts"],
        ["TokenCost.Contracts"],
        ["TokenCost.Server"],
        ["TokenCost.Cli"],
    ];

    private static readonly Assembly Core = typeof(TokenCost.Catalogs.Catalog).Assembly;

    public static TheoryData<string> ShippedAssemblies()
    {
        var data = new TheoryData<string>();
        foreach (var name in AssemblyLayers.SelectMany(l => l))
        {
            if (TryLoad(name) is not null)
            {
                data.Add(name);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ShippedAssemblies))]
    public void AssemblyReferencesOnlyLowerLayers(string assemblyName)
    {
        var assembly = TryLoad(assemblyName)!;
        var layer = LayerOf(assemblyName);
        var upward = assembly.GetReferencedAssemblies()
            .Select(r => r.Name!)
            .Where(n => LayerOf(n) >= 0 && LayerOf(n) >= layer)
            .ToList();
        upward.Should().BeEmpty($"{assemblyName} (layer {layer}) may reference only TokenCost assemblies of lower layers");
    }

    [Fact]
    public void CoreAndAnalysisAreSeparateAssemblies()
    {
        // The analysers that ride on the core live in the second package; this fails if a move puts them back.
        var analysisNamespaces = new[] { "TokenCost.Audit", "TokenCost.Validation", "TokenCost.Calibration", "TokenCost.Economics.Scenarios" };
        Core.GetTypes().Select(t => t.Namespace ?? string.Empty)
            .Where(ns => analysisNamespaces.Any(a => ns == a || ns.StartsWith(a + ".", StringComparison.Ordinal)))
            .Should().BeEmpty("claim auditing, validation/calibration and scenario economics belong to TokenCost.Analysis");
    }

    [Theory]
    // Quantities are the bottom of everything.
    [InlineData("TokenCost.Quantities", new[] { "TokenCost.Hardware", "TokenCost.Models", "TokenCost.Quantization", "TokenCost.Catalogs", "TokenCost.Serving", "TokenCost.Estimation", "TokenCost.Costs", "TokenCost.Economics", "TokenCost.Comparisons", "TokenCost.Sweeps", "TokenCost.Speculative", "TokenCost.Quality", "TokenCost.Pricing", "TokenCost.Rendering", "TokenCost.Serialization" })]
    // The things being priced (hardware, number formats, model architectures) know nothing of estimating or pricing them.
    [InlineData("TokenCost.Hardware", new[] { "TokenCost.Estimation", "TokenCost.Costs", "TokenCost.Economics", "TokenCost.Comparisons", "TokenCost.Sweeps", "TokenCost.Speculative", "TokenCost.Quality", "TokenCost.Pricing", "TokenCost.Serving.Load", "TokenCost.Serving.Layouts" })]
    [InlineData("TokenCost.Quantization", new[] { "TokenCost.Estimation", "TokenCost.Costs", "TokenCost.Economics", "TokenCost.Comparisons", "TokenCost.Sweeps", "TokenCost.Speculative", "TokenCost.Quality", "TokenCost.Pricing", "TokenCost.Serving.Load", "TokenCost.Serving.Layouts" })]
    [InlineData("TokenCost.Models", new[] { "TokenCost.Estimation", "TokenCost.Costs", "TokenCost.Economics", "TokenCost.Comparisons", "TokenCost.Sweeps", "TokenCost.Speculative", "TokenCost.Quality", "TokenCost.Pricing", "TokenCost.Serving.Load", "TokenCost.Serving.Layouts" })]
    // The estimator produces performance; it does not know about money or the analysers above it.
    [InlineData("TokenCost.Estimation", new[] { "TokenCost.Costs", "TokenCost.Economics", "TokenCost.Comparisons", "TokenCost.Sweeps", "TokenCost.Quality", "TokenCost.Pricing" })]
    // Costs turn an estimate into money; they do not know the analysers that compare, sweep or optimise costs.
    [InlineData("TokenCost.Costs", new[] { "TokenCost.Economics", "TokenCost.Comparisons", "TokenCost.Sweeps", "TokenCost.Quality", "TokenCost.Pricing" })]
    public void CoreNamespaceDoesNotDependOnHigherLayers(string layerNamespace, string[] higher)
    {
        var result = Types.InAssembly(Core)
            .That().ResideInNamespace(layerNamespace)
            .ShouldNot().HaveDependencyOnAny(higher)
            .GetResult();
        var failing = result.FailingTypes?.Select(t => t.FullName).ToList() ?? [];
        failing.Should().BeEmpty($"types in {layerNamespace} must not depend on {string.Join(", ", higher)}");
    }

    private static int LayerOf(string assemblyName) => Array.FindIndex(AssemblyLayers, l => l.Contains(assemblyName, StringComparer.Ordinal));

    private static Assembly? TryLoad(string name)
    {
        try
        {
            return Assembly.Load(name);
        }
        catch (FileNotFoundException)
        {
            return null;
        }
    }
}
