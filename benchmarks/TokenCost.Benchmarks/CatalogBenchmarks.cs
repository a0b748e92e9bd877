using System.Reflection;
using BenchmarkDotNet.Attributes;
using TokenCost.Catalogs;

namespace TokenCost.Benchmarks;

/// <summary>Loading the embedded catalog (six JSON files, strict source-generated parsing, mapping and indexing).</summary>
[MemoryDiagnoser]
public class CatalogBenchmarks
{
    // Catalog.Default caches one instance; the loader itself is private, so the benchmark calls it directly.
    private static readonly Func<Catalog> Load = typeof(Catalog).GetMethod("LoadEmbedded", BindingFlags.NonPublic | BindingFlags.Static)!.CreateDelegate<Func<Catalog>>();

    /// <summary>Loads a fresh copy of the embedded catalog.</summary>
    /// <returns>The catalog.</returns>
    [Benchmark]
    public Catalog CatalogLoad() => Load();
}
