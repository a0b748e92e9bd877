using TokenCost.Catalogs;
using TokenCost.Validation;

namespace TokenCost.Tests.Validation;

public class CaseReaderTests
{
    internal const string Valid = """{"id":"T1","model":"llama-3-8b","hardware":"nvidia_h200_sxm","devices":1,"tensor_parallel":1,"pipeline_parallel":1,"weights":"bf16","activations":"bf16","kv_cache":"bf16","serving_stack":"pytorch-cudagraph","batch":8,"input_tokens":1024,"output_tokens":1,"speculative":null,"metric":"step_ms","value":5.8,"source":"test [2025]","notes":"[statistic=mean] free text"}""";

    [Fact]
    public void Parse_ValidLine_ReadsEveryKey()
    {
        var c = CaseReader.Parse(Valid + "\n", Catalog.Default, "t.jsonl").Single();
        c.Id.Should().Be("T1");
        c.Batch.Should().Be(8);
        c.Metric.Should().Be(CaseMetric.StepTime);
        c.Tags.Statistic.Should().Be(LatencyStatistic.Mean);
        c.Line.Should().Be(1);
    }

    [Theory]
    [InlineData("\"devices\":1,", "\"devices\":0,", "devices")]
    [InlineData("\"devices\":1,", "\"devices\":1.5,", "devices")]
    [InlineData("\"model\":\"llama-3-8b\"", "\"model\":\"\"", "model")]
    [InlineData("\"hardware\":\"nvidia_h200_sxm\"", "\"hardware\":\"nope\"", "hardware")]
    [InlineData("\"weights\":\"bf16\"", "\"weights\":\"int3\"", "weights")]
    [InlineData("\"serving_stack\":\"pytorch-cudagraph\"", "\"serving_stack\":\"magic\"", "serving_stack")]
    [InlineData("\"metric\":\"step_ms\"", "\"metric\":\"tokens\"", "metric")]
    [InlineData("\"value\":5.8", "\"value\":0", "value")]
    [InlineData("\"value\":5.8", "\"value\":\"5.8\"", "value")]
    [InlineData("\"output_tokens\":1", "\"output_tokens\":2", "output_tokens")]
    [InlineData("\"batch\":8,", "\"batch\":8,\"extra\":1,", "extra")]
    [InlineData("\"id\":\"T1\",\"model\":\"llama-3-8b\",", "\"model\":\"llama-3-8b\",\"id\":\"T1\",", "model")]
    [InlineData("\"notes\":\"[statistic=mean] free text\"", "\"notes\":\"[statistic=median] x\"", "notes")]
    [InlineData("\"notes\":\"[statistic=mean] free text\"", "\"notes\":\"[color=red] x\"", "notes")]
    [InlineData("\"notes\":\"[statistic=mean] free text\"", "\"notes\":\"[timebase=e2e] x\"", "notes")]
    [InlineData("\"speculative\":null", "\"speculative\":{\"draft_model\":\"eagle\",\"draft_tokens\":0,\"acceptance_rate\":null}", "speculative.draft_tokens")]
    [InlineData("\"speculative\":null", "\"speculative\":{\"draft_model\":\"eagle\",\"draft_tokens\":null,\"acceptance_rate\":1.5}", "speculative.acceptance_rate")]
    [InlineData("\"speculative\":null", "\"speculative\":{\"draft_model\":\"eagle\",\"draft_tokens\":null}", "speculative.acceptance_rate")]
    [InlineData(",\"source\":\"test [2025]\"", "", "source")]
    public void Parse_InvalidLine_NamesFileLineAndKey(string from, string to, string key)
    {
        var line = Valid.Replace(from, to, StringComparison.Ordinal);
        line.Should().NotBe(Valid);
        var act = () => CaseReader.Parse(Valid + "\n" + line + "\n", Catalog.Default, "bad.jsonl");
        act.Should().Throw<CaseFileException>().Where(e => e.File == "bad.jsonl" && e.Line == 2 && e.Message.Contains("'" + key + "'", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_BlankLineOrDuplicateId_IsRejected()
    {
        ((Action)(() => CaseReader.Parse(Valid + "\n\n" + Valid, Catalog.Default, "b.jsonl"))).Should().Throw<CaseFileException>().Where(e => e.Line == 2);
        ((Action)(() => CaseReader.Parse(Valid + "\n" + Valid, Catalog.Default, "d.jsonl"))).Should().Throw<CaseFileException>().Where(e => e.Line == 2 && e.Message.Contains("'id'", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_NotJsonOrNotObject_IsRejected()
    {
        ((Action)(() => CaseReader.Parse("{\"id\":", Catalog.Default, "j.jsonl"))).Should().Throw<CaseFileException>().Where(e => e.Line == 1);
        ((Action)(() => CaseReader.Parse("[1,2]", Catalog.Default, "j.jsonl"))).Should().Throw<CaseFileException>().Where(e => e.Line == 1);
    }

    [Fact]
    public void ParseTags_ReadsAllTagsAndStopsAtFreeText()
    {
        var tags = CaseReader.ParseTags("[timebase=e2e] [group_size=32] [hardware_variant=assumed] [precision=assumed] [quality=anomalous] text [not a tag]", "f", 1);
        tags.Should().Be(new CaseTags { Timebase = RateTimebase.EndToEnd, GroupSize = 32, HardwareVariantAssumed = true, PrecisionAssumed = true, Anomalous = true });
    }

    [Fact]
    public void ReadFile_CalibrationCopy_ReadsAll106Cases()
    {
        CaseReader.ReadFile(Path.Combine(AppContext.BaseDirectory, "Validation", "Data", "calibration.jsonl"), Catalog.Default).Should().HaveCount(106);
    }
}
