using System.Text;
using TokenCost.Audit;
using TokenCost.Catalogs;
using TokenCost.Estimation;
using TokenCost.Rendering;
using TokenCost.Serialization;
using TokenCost.Costs;
using TokenCost.Speculative;
using TokenCost.Validation;

namespace TokenCost.Tests.Hostile;

/// <summary>The shared mechanisms behind issue 11's fixes, tested directly: the bounded reader, the sanitiser, layouts, overflow, verdicts.</summary>
public sealed class LibraryRoundTwoTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("tokencost-lib-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void InputFile_CountsBytesReadNotTheReportedLength()
    {
        // /dev/zero reports a length of 0; the reader must stop at the limit it counts itself.
        var act = () => InputFile.ReadAllBytes("/dev/zero", 1_000_000);
        act.Should().Throw<InputFileException>().WithMessage("*/dev/zero*1000000 byte limit*");
        var lines = () => InputFile.ReadLines("/dev/zero", 1_000_000).ToList();
        lines.Should().Throw<InputFileException>().WithMessage("*/dev/zero*");
    }

    [Fact]
    public void InputFile_StreamsLinesAndStopsAtTheLimit()
    {
        var path = Path.Combine(_dir, "many.txt");
        File.WriteAllText(path, "\uFEFFfirst\r\n" + string.Concat(Enumerable.Repeat("0123456789\n", 10_000)), new UTF8Encoding(false));
        var lines = InputFile.ReadLines(path, 10_000_000).ToList();
        lines[0].Should().Be("first");
        lines.Should().HaveCount(10_001);

        var read = 0;
        var act = () =>
        {
            foreach (var _ in InputFile.ReadLines(path, 50_000))
            {
                read++;
            }
        };
        act.Should().Throw<InputFileException>().WithMessage("*50000 byte limit*");
        read.Should().BeLessThan(10_001, "lines before the limit are streamed, the rest never read");
    }

    [Fact]
    public void InputFile_ADirectoryIsNamed()
    {
        var act = () => InputFile.ReadAllBytes(_dir, 100);
        act.Should().Throw<InputFileException>().WithMessage($"*{_dir}*directory*");
    }

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("=1+1", "'=1+1")]
    [InlineData("+1", "'+1")]
    [InlineData("-1", "'-1")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("=a,b", "\"'=a,b\"")]
    [InlineData("line\nbreak", "line\uFFFDbreak")]
    public void CsvField_QuotesAndNeutralises(string text, string expected) => OutputText.CsvField(text).Should().Be(expected);

    [Fact]
    public void Clean_ReplacesEscBelAndC1Controls()
    {
        var clean = OutputText.Clean("a\u001b]0;t\u0007\u001b[2J\u009bb\u202Ec");
        clean.Should().NotContainAny("\u001b", "\u0007", "\u009b", "\u202E");
        clean.Should().StartWith("a").And.EndWith("c");
        OutputText.Clean("x\ny", keepLineBreaks: true).Should().Be("x\ny");
    }

    [Theory]
    [InlineData(-0.0, "F3", "0.000")]
    [InlineData(-1e-9, "F3", "0.000")]
    [InlineData(double.PositiveInfinity, "F1", "n/a")]
    [InlineData(double.NaN, "F1", "n/a")]
    [InlineData(-2.5, "F1", "-2.5")]
    public void Number_NeverPrintsNegativeZeroOrInfinity(double value, string format, string expected) =>
        OutputText.Number(value, format).Should().Be(expected);

    [Fact]
    public void MarkdownAndHtml_OfAHostileIdCarryNoControlCharacters()
    {
        var model = Catalog.Default.GetModel("llama-3.1-8b") with { Id = "x\u001b[2J\u0007y" };
        var configuration = DeploymentConfiguration.Create(Catalog.Default, "llama-3.1-8b", "nvidia_h100_sxm") with { Model = model };
        var report = new TokenCostCalculator(CostModel.Default, Catalog.Default.DataCenter).Calculate(TestPricing.Default.Estimator.Estimate(configuration, new Workload { Batch = 1 }));
        (report.ToMarkdown() + report.ToHtml()).Should().NotContainAny("\u001b", "\u0007");
    }

    [Fact]
    public void Layout_TpMustSplitHeadsAndKvHeads()
    {
        var create = (int tp) => DeploymentConfiguration.Create(Catalog.Default, "llama-2-70b", "nvidia_h100_sxm", "int4", devices: tp, tensorParallel: tp);
        create(8).TensorParallel.Should().Be(8);
        create(16).TensorParallel.Should().Be(16, "16 > 8 KV heads: each KV head is replicated twice");
        create(64).TensorParallel.Should().Be(64);
        ((Action)(() => create(3))).Should().Throw<ArgumentException>().WithMessage("*tensor parallel (3)*64 attention heads*");
        ((Action)(() => create(128))).Should().Throw<ArgumentException>().WithMessage("*128*");
    }

    [Fact]
    public void Layout_FractionalMeanHeadsAreNotChecked()
    {
        // OpenELM's per-layer head counts vary; the catalog holds their means (18.2 heads), so no single count can be checked.
        var openelm = Catalog.Default.Models.FirstOrDefault(m => m.AttentionHeads != Math.Floor(m.AttentionHeads));
        openelm.Should().NotBeNull();
        var c = DeploymentConfiguration.Create(Catalog.Default, openelm!.Id, "nvidia_h100_sxm", "bf16", devices: 2, tensorParallel: 2);
        c.TensorParallel.Should().Be(2);
    }

    [Fact]
    public void Layout_HugeDegreesDoNotWrap()
    {
        var act = () => DeploymentConfiguration.Create(Catalog.Default, "llama-2-70b", "nvidia_h100_sxm", "int4", devices: 1, tensorParallel: 65536, pipelineParallel: 65536);
        act.Should().Throw<ArgumentException>().WithMessage("*multiple of tensor parallel (65536) × pipeline parallel (65536)*");
    }

    [Fact]
    public void AllCalibrationAndLlama33InferenceXCases_StillHaveValidLayouts()
    {
        // The layout rule must not reject a measured configuration: the test copy always, the shared files when this checkout has them.
        var files = new[]
        {
            HostileProcess.RepositoryFile("tests", "TokenCost.Tests", "Validation", "Data", "calibration.jsonl"),
            HostileProcess.RepositoryFile("..", "shared", "validation", "calibration.jsonl"),
            HostileProcess.RepositoryFile("..", "shared", "validation", "inferencex.jsonl"),
        };
        var predictor = new CasePredictor(TestPricing.Default);
        var checkedCases = 0;
        foreach (var file in files.Where(File.Exists))
        {
            var number = 0;
            foreach (var line in File.ReadLines(file))
            {
                number++;
                if (file.EndsWith("inferencex.jsonl", StringComparison.Ordinal) && !line.Contains("\"model\": \"llama-3.3-70b\"", StringComparison.Ordinal))
                {
                    continue;
                }

                string? error;
                try
                {
                    error = predictor.Predict(CaseReader.ParseLine(line, file, number, Catalog.Default)).Error;
                }
                catch (CaseFileException ex)
                {
                    error = ex.Message;
                }

                (error ?? "").Should().NotContain("tensor parallel", $"{file}:{number}");
                checkedCases++;
            }
        }

        checkedCases.Should().BeGreaterThanOrEqualTo(106);
    }

    [Fact]
    public void MoeExpertWidth_DoublingItNeverLowersTheTime()
    {
        // int arithmetic once wrapped the expert FFN width: a wider expert looked faster.
        var mixtral = Catalog.Default.GetModel("mixtral-8x7b");
        var estimator = TestPricing.Default.Estimator;
        double Ttft(int width)
        {
            var model = mixtral with { ExpertIntermediateSize = width };
            var c = DeploymentConfiguration.Create(Catalog.Default, "mixtral-8x7b", "nvidia_h100_sxm", "int4") with { Model = model };
            return estimator.Estimate(c, new Workload { Batch = 1, InputTokens = 512, OutputTokens = 1 }).TimeToFirstToken.Seconds;
        }

        var widths = new[] { 14_336, 600_000_000, 1_200_000_000 };
        var times = widths.Select(Ttft).ToList();
        times.Should().BeInAscendingOrder().And.OnlyContain(t => double.IsFinite(t) && t > 0);
    }

    [Fact]
    public void SpeculativeDraftLength_IsBounded()
    {
        var act = () => SpeculativeDecoding.ExpectedTokensPerStep(0.7, int.MaxValue);
        act.Should().Throw<ArgumentOutOfRangeException>();
        SpeculativeDecoding.ExpectedTokensPerStep(0.7, SpeculativeDecoding.MaxDraftTokens).Should().BeApproximately(1 / 0.3, 1e-9);
    }

    [Theory]
    [InlineData(0.0001)]
    [InlineData(1.0)]
    [InlineData(2.0)]
    [InlineData(40.0)]
    public void WeightBytesRatio_FarFromTheModelledRatio_IsNotConsistent(double claimed) =>
        new ClaimAuditor(TestPricing.Default).Audit(Ratio(claimed)).Verdict.Should().NotBe(ClaimVerdict.Consistent);

    [Theory]
    [InlineData(4.0)]
    [InlineData(3.7)]
    public void WeightBytesRatio_NearTheModelledRatio_IsConsistent(double claimed) =>
        new ClaimAuditor(TestPricing.Default).Audit(Ratio(claimed)).Verdict.Should().Be(ClaimVerdict.Consistent);

    [Fact]
    public void ArithmeticThatOverflows_IsNotConsistent()
    {
        var claim = new Claim { Id = "a", Kind = ClaimKind.Arithmetic, Metric = "usd_per_day", Claimed = 4.5, TokensPerDay = 1e300, UsdPerMillionTokens = 1e300 };
        new ClaimAuditor(TestPricing.Default).Audit(claim).Verdict.Should().Be(ClaimVerdict.Inconsistent);
        AuditTolerance.Matches(4.5, double.PositiveInfinity).Should().BeFalse();
    }

    [Theory]
    [InlineData("\"claimed\": -4", "ratio")]
    [InlineData("\"claimed\": 0", "ratio")]
    [InlineData("\"claimed\": 4.5, \"tokens_per_day\": 1e308", "arithmetic")]
    public void ClaimFiguresOutOfRange_AreRefusedWithFileAndLine(string fields, string kind)
    {
        var json = "{\"claims\": [\n{\"id\": \"c\", \"quote\": \"q\", \"kind\": \"" + kind + "\", \"model\": \"llama-2-70b\", \"weights_from\": \"fp16\", \"weights_to\": \"int4\", \"metric\": \""
            + (kind == "ratio" ? "weight_bytes_ratio" : "usd_per_day") + "\", \"usd_per_million_tokens\": 1, " + fields + "}\n]}";
        var act = () => ClaimFile.Parse(json, "claims.json");
        act.Should().Throw<ClaimFileException>().WithMessage("claims.json:2*");
    }

    private static Claim Ratio(double claimed) => new()
    {
        Id = "r",
        Kind = ClaimKind.Ratio,
        Metric = "weight_bytes_ratio",
        Claimed = claimed,
        Model = "llama-2-70b",
        WeightsFrom = "fp16",
        WeightsTo = "int4",
    };
}
