using System.Text.RegularExpressions;
using TokenCost.Catalogs;
using TokenCost.Quality;

namespace TokenCost.Tests.Quality;

public class QualityCatalogTests
{
    [Fact]
    public void Default_EveryRowHasSourceTableAndDate_AndArticleRowsAreFlaggedAsEstimates()
    {
        var results = QualityCatalog.Default.Results;

        results.Should().NotBeEmpty();
        results.Should().OnlyContain(r => r.Source.Length > 10 && r.Table.Length > 3 && Regex.IsMatch(r.Date, @"^\d{4}-\d{2}$"));
        results.Where(r => r.Source.Contains("seed article", StringComparison.Ordinal)).Should().OnlyContain(r => r.IsEstimate, "the article gives no source for its table");
        results.Select(r => r.Id).Should().OnlyHaveUniqueItems();
    }

    [Fact]
    public void Default_CoversTheArticleTableAndAwqGptqQuipSharp()
    {
        var mmlu = QualityCatalog.Default.For("llama-2-70b", QualityCatalog.Mmlu);
        mmlu.Select(r => r.Value).Should().Contain([68.9, 68.5, 67.8, 68.1]);
        QualityCatalog.Default.Results.Select(r => r.Method).Should().Contain(["awq", "gptq", "quip#"]);
        QualityCatalog.Default.Results.Should().Contain(r => r.Method == "awq" && !r.IsEstimate && r.Source.Contains("2306.00978", StringComparison.Ordinal));
    }

    [Fact]
    public void Default_FormatsAndModelsExistInTheCatalog()
    {
        foreach (var r in QualityCatalog.Default.Results)
        {
            Catalog.Default.TryGetModel(r.Model, out _).Should().BeTrue(r.Id);
            Catalog.Default.TryGetFormat(r.Format, out _).Should().BeTrue(r.Id);
        }
    }

    [Fact]
    public void Loss_AccuracyAndPerplexity_ArePositiveWhenQualityDrops()
    {
        // AWQ row of the article: 68.9 − 67.8 = 1.1 points = 1.6 %.
        var awq = QualityCatalog.Default.Results.Single(r => r.Id == "llama-2-70b-int4-awq-mmlu-article");
        awq.Loss.Should().BeApproximately(1.1, 1e-9);
        awq.RelativeLoss.Should().BeApproximately(1.1 / 68.9, 1e-12);

        // AWQ WikiText-2: 3.41 − 3.32 = 0.09 (perplexity rises).
        var ppl = QualityCatalog.Default.Results.Single(r => r.Id == "llama-2-70b-int4-awq-wikitext2-lin");
        ppl.HigherIsBetter.Should().BeFalse();
        ppl.Loss.Should().BeApproximately(0.09, 1e-9);
    }

    [Fact]
    public void Load_UnknownKey_ThrowsNamingTheFile()
    {
        var path = Path.Combine(Path.GetTempPath(), "tokencost-quality-" + Guid.NewGuid().ToString("N") + ".json");
        File.WriteAllText(path, "{\"results\": [], \"extra\": 1}");
        try
        {
            var act = () => QualityCatalog.Load(path);

            act.Should().Throw<CatalogException>().Which.File.Should().Be(path);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Load_RowWithoutSource_Throws()
    {
        var path = Path.Combine(Path.GetTempPath(), "tokencost-quality-" + Guid.NewGuid().ToString("N") + ".json");
        File.WriteAllText(path, "{\"results\": [{\"id\": \"x\", \"model\": \"llama-2-7b\", \"method\": \"awq\", \"format\": \"int4\", \"bits\": 4, \"benchmark\": \"mmlu-5shot\", \"value\": 40, \"baseline\": 45, \"table\": \"T1\", \"date\": \"2024-01\"}]}");
        try
        {
            var act = () => QualityCatalog.Load(path);

            act.Should().Throw<CatalogException>().WithMessage("*'source'*");
        }
        finally
        {
            File.Delete(path);
        }
    }
}
