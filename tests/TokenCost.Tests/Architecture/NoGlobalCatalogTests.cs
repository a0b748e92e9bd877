using System.Reflection;
using System.Text.RegularExpressions;
using TokenCost.Catalogs;
using TokenCost.Costs;
using TokenCost.Estimation;
using TokenCost.Pricing;
using TokenCost.Serving;
using TokenCost.Serving.Load;

namespace TokenCost.Tests.Architecture;

/// <summary>
/// No hidden fallback to the global catalog: below the composition roots nothing reads <see cref="Catalog.Default"/>, and no public
/// constructor or method takes the pricing inputs (catalog, profiles, data-centre parameters, estimators, calculator, context) as an
/// optional parameter that a null would silently replace with the embedded ones. Everything is passed explicitly, bundled in a
/// <see cref="PricingContext"/>.
/// </summary>
public class NoGlobalCatalogTests
{
    /// <summary>The composition roots: the only source files allowed to read <c>Catalog.Default</c>.</summary>
    private static readonly string[] CompositionRoots =
    [
        "src/TokenCost/Catalogs/Catalog.cs",                       // defines it
        "src/TokenCost.Cli/Infrastructure/DeploymentOptions.cs",   // the CLI's option resolution (DeploymentOptions.LoadCatalog)
        "src/TokenCost.Server/PricingServer.cs",                   // the server's startup
    ];

    /// <summary>The pricing inputs no public member may take as an optional, null-defaulted parameter.</summary>
    private static readonly Type[] PricingInputs =
    [
        typeof(Catalog), typeof(ServingProfiles), typeof(DataCenterDefaults), typeof(RooflineEstimator),
        typeof(ContinuousBatchingEstimator), typeof(TokenCostCalculator), typeof(PricingContext),
    ];

    /// <summary>Optional profiles that are a documented starting point, not a fallback to the catalog: calibration starts from
    /// <c>Calibrator.DefaultPriors</c> (Data/profile-priors.json) so that a fit never depends on the previously shipped fit.</summary>
    private static readonly string[] StartingPoints =
    [
        "TokenCost.Calibration.Calibrator.Fit.initial",
        "TokenCost.Calibration.Calibrator.CrossValidate.initial",
    ];

    [Fact]
    public void OnlyTheCompositionRootsReadCatalogDefault()
    {
        var root = RepositoryRoot();
        var offenders = new List<string>();
        var files = Directory.EnumerateFiles(Path.Combine(root, "src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Split(Path.DirectorySeparatorChar).Any(part => part is "obj" or "bin"))
            .ToList();
        files.Should().Contain(f => f.EndsWith("PricingContext.cs", StringComparison.Ordinal), "the scan must see the library's sources");
        foreach (var file in files)
        {
            var relative = Path.GetRelativePath(root, file).Replace('\\', '/');
            if (CompositionRoots.Contains(relative, StringComparer.Ordinal))
            {
                continue;
            }

            var lines = File.ReadAllLines(file);
            for (var i = 0; i < lines.Length; i++)
            {
                var code = lines[i].TrimStart();
                if (code.StartsWith("///", StringComparison.Ordinal) || code.StartsWith("//", StringComparison.Ordinal))
                {
                    continue; // documentation may name the embedded catalog
                }

                if (Regex.IsMatch(code, @"\bCatalog\s*\.\s*Default\b"))
                {
                    offenders.Add($"{relative}:{i + 1}: {code}");
                }
            }
        }

        offenders.Should().BeEmpty("only the composition roots ({0}) may read Catalog.Default; pass a PricingContext instead", string.Join(", ", CompositionRoots));
    }

    [Fact]
    public void CompositionRootsExist() =>
        CompositionRoots.Should().OnlyContain(f => File.Exists(Path.Combine(RepositoryRoot(), f)), "a stale allow-list would hide a new reader");

    [Fact]
    public void NoPublicMemberFallsBackToAGlobalWhenAPricingInputIsLeftOut()
    {
        var assemblies = new[] { "TokenCost", "TokenCost.Analysis", "TokenCost.Charts", "TokenCost.Server", "TokenCost.Contracts" }
            .Select(TryLoad).OfType<Assembly>().ToList();
        assemblies.Select(a => a.GetName().Name).Should().Contain(["TokenCost", "TokenCost.Analysis", "TokenCost.Charts"]);
        var offenders =
            from type in assemblies.SelectMany(a => a.GetExportedTypes())
            from member in type.GetMembers(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly).OfType<MethodBase>()
            from parameter in member.GetParameters()
            where parameter.IsOptional && PricingInputs.Contains(parameter.ParameterType) && !StartingPoints.Contains($"{type.FullName}.{member.Name}.{parameter.Name}")
            select $"{type.FullName}.{member.Name}({parameter.ParameterType.Name} {parameter.Name} = null)";

        offenders.Should().BeEmpty("an optional catalog, profiles, data-centre, estimator or calculator parameter is a hidden fallback to the embedded catalog");
    }

    [Fact]
    public void TheEstimatorAndCalculatorHaveNoParameterlessConstructor()
    {
        typeof(RooflineEstimator).GetConstructor(Type.EmptyTypes).Should().BeNull();
        typeof(TokenCostCalculator).GetConstructors().Should().OnlyContain(c => c.GetParameters().All(p => !p.IsOptional));
        typeof(ContinuousBatchingEstimator).GetConstructors().Should().OnlyContain(c => c.GetParameters().All(p => !p.IsOptional));
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
