using TokenCost.Catalogs;
using TokenCost.Internal;
using TokenCost.Serialization;

namespace TokenCost.Quality;

/// <summary>
/// The quality catalog: model accuracy under weight quantization (the seed article's MMLU table and published AWQ, GPTQ and
/// QuIP# results), every row with its source, table and date or an explicit estimate flag. <see cref="Default"/> is embedded.
/// </summary>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed class QualityCatalog
{
    /// <summary>The MMLU 5-shot benchmark id (accuracy in percent).</summary>
    public const string Mmlu = "mmlu-5shot";

    /// <summary>The WikiText-2 perplexity benchmark id (lower is better).</summary>
    public const string WikiText2Perplexity = "wikitext2-perplexity";

    private static readonly Lazy<QualityCatalog> Embedded = new(LoadEmbedded, LazyThreadSafetyMode.ExecutionAndPublication);

    private QualityCatalog(string version, IReadOnlyList<QualityResult> results)
    {
        Version = version;
        Results = results;
    }

    /// <summary>Gets the embedded quality catalog.</summary>
    public static QualityCatalog Default => Embedded.Value;

    /// <summary>Gets the catalog version.</summary>
    public string Version { get; }

    /// <summary>Gets every result, in file order.</summary>
    public IReadOnlyList<QualityResult> Results { get; }

    /// <summary>Reads a quality catalog file in the embedded file's schema.</summary>
    /// <param name="path">The file path.</param>
    /// <returns>The catalog.</returns>
    /// <exception cref="CatalogException">The file is unreadable or invalid (unknown keys, wrong types, missing source, table or date).</exception>
    public static QualityCatalog Load(string path)
    {
        Guard.NotEmpty(path);
        return FromDto(JsonFiles.ReadFile(path, QualityJsonContext.Default.QualityFileDto), path);
    }

    /// <summary>Gets the results for a model on a benchmark.</summary>
    /// <param name="modelId">The model id.</param>
    /// <param name="benchmark">The benchmark id, for example <see cref="Mmlu"/>.</param>
    /// <returns>The matching results, in file order.</returns>
    public IReadOnlyList<QualityResult> For(string modelId, string benchmark) =>
        Results.Where(r => r.Model == modelId && r.Benchmark == benchmark).ToList();

    private static QualityCatalog LoadEmbedded()
    {
        const string name = "quality.json";
        using var stream = typeof(QualityCatalog).Assembly.GetManifestResourceStream("TokenCost.Data." + name)
            ?? throw new CatalogException(name, null, "embedded resource is missing from the assembly");
        return FromDto(JsonFiles.Read(stream, name, QualityJsonContext.Default.QualityFileDto), name);
    }

    private static QualityCatalog FromDto(QualityFileDto dto, string file)
    {
        var results = new List<QualityResult>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var r in dto.Results ?? throw new CatalogException(file, null, "missing key 'results'"))
        {
            var id = Required(r.Id, "id", "(no id)");
            if (!ids.Add(id))
            {
                throw new CatalogException(file, null, $"duplicate quality result id '{id}'");
            }

            if (!double.IsFinite(r.Value) || !double.IsFinite(r.Baseline) || r.Value < 0 || r.Baseline <= 0 || !(r.Bits > 0))
            {
                throw new CatalogException(file, null, $"quality result '{id}': value, baseline and bits must be finite and positive");
            }

            var date = Required(r.Date, "date", id);
            if (!System.Text.RegularExpressions.Regex.IsMatch(date, @"^\d{4}-\d{2}(-\d{2})?$", System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromSeconds(1)))
            {
                throw new CatalogException(file, null, $"quality result '{id}': date '{date}' is not yyyy-MM");
            }

            results.Add(new QualityResult
            {
                Id = id,
                Model = Required(r.Model, "model", id),
                Method = Required(r.Method, "method", id),
                Format = Required(r.Format, "format", id),
                Bits = r.Bits,
                GroupSize = r.GroupSize,
                Benchmark = Required(r.Benchmark, "benchmark", id),
                Value = r.Value,
                Baseline = r.Baseline,
                Source = Required(r.Source, "source", id),
                Table = Required(r.Table, "table", id),
                Date = date,
                IsEstimate = r.Estimate,
                Note = r.Note ?? "",
            });
        }

        return new QualityCatalog(dto.CatalogVersion ?? "unknown", results);

        string Required(string? value, string key, string id) =>
            string.IsNullOrWhiteSpace(value) ? throw new CatalogException(file, null, $"quality result '{id}': missing or empty '{key}'") : value;
    }
}
