using TokenCost.Catalogs;
using TokenCost.Serving.Load;
using TokenCost.Validation;

namespace TokenCost.Tests.Validation;

public class CaseLoadTagTests
{
    private static ValidationCase Parse(string notes, string devices = "1", string metric = "step_ms", string output = "1") =>
        CaseReader.ParseLine(CaseReaderTests.Valid.Replace("[statistic=mean] free text", notes, StringComparison.Ordinal).Replace("\"devices\":1,", "\"devices\":" + devices + ",", StringComparison.Ordinal).Replace("\"metric\":\"step_ms\"", "\"metric\":\"" + metric + "\"", StringComparison.Ordinal).Replace("\"output_tokens\":1", "\"output_tokens\":" + output, StringComparison.Ordinal), "t.jsonl", 1, Catalog.Default);

    [Theory]
    [InlineData("static", LoadKind.Static)]
    [InlineData("closed", LoadKind.Closed)]
    [InlineData("offline", LoadKind.Offline)]
    [InlineData("poisson", LoadKind.Poisson)]
    public void LoadTag_IsParsed(string value, LoadKind kind) => Parse($"[load={value}] x").Tags.Load.Should().Be(kind);

    [Fact]
    public void LoadTag_Absent_IsNull() => Parse("x").Tags.Load.Should().BeNull();

    [Theory]
    [InlineData("[load=burst] x")]
    [InlineData("[expert_parallel=1] x")]
    [InlineData("[attention_dp=no] x")]
    [InlineData("[disagg=1x8g+] x")]
    [InlineData("[disagg=8gTP8+1x8gTP8] x")]
    public void LayoutAndLoadTags_InvalidValues_FailNamingNotes(string notes) =>
        FluentActions.Invoking(() => Parse(notes, "16")).Should().Throw<CaseFileException>().Where(e => e.Message.Contains("'notes'", StringComparison.Ordinal));

    [Fact]
    public void DisaggTag_ParsesBothPools()
    {
        var tags = Parse("[expert_parallel=8] [attention_dp=yes] [disagg=1x8gTP8EP8DP+9x8gTP8EP8] x", "80").Tags;
        tags.ExpertParallel.Should().Be(8);
        tags.AttentionDataParallel.Should().BeTrue();
        tags.PrefillPool.Should().Be(new DisaggregatedPool { Workers = 1, DevicesPerWorker = 8, TensorParallel = 8, ExpertParallel = 8, AttentionDataParallel = true });
        tags.DecodePool!.Devices.Should().Be(72);
        tags.DecodePool.AttentionDataParallel.Should().BeFalse();
    }

    [Fact]
    public void DisaggTag_DevicesMustEqualBothPools() =>
        FluentActions.Invoking(() => Parse("[disagg=1x8gTP8+6x8gTP8] x", "48")).Should().Throw<CaseFileException>().Where(e => e.Message.Contains("'devices'", StringComparison.Ordinal));

    [Fact]
    public void TotalTokensMetric_IsParsed()
    {
        var c = Parse("[load=closed] x", metric: "total_tokens_per_s_per_device", output: "1024");
        c.Metric.Should().Be(CaseMetric.TotalTokensPerSecondPerDevice);
        c.Metric.Unit().Should().Be("tokens/s/device");
    }

    [Fact]
    public void UnknownModel_IsReadAndPredictedAsAPerCaseError()
    {
        var c = CaseReader.ParseLine(CaseReaderTests.Valid.Replace("llama-3-8b", "some-future-model", StringComparison.Ordinal), "t.jsonl", 1, Catalog.Default);
        var p = new CasePredictor(TestPricing.Default).Predict(c);
        p.Predicted.Should().BeNull();
        p.Error.Should().Contain("unknown model 'some-future-model'");
    }

    [Fact]
    public void ExpertParallelTag_OnADenseModel_IsAPerCaseErrorNamingExpertParallel()
    {
        // The parse helper's case is a dense model: expert parallelism has no experts to split.
        var p = new CasePredictor(TestPricing.Default).Predict(Parse("[expert_parallel=8] x", "8"));
        p.Predicted.Should().BeNull();
        p.Error.Should().Contain("expert parallel (8)");
    }

    [Theory]
    [InlineData("input and output lengths each uniform in 80-100% of ISL/OSL (--random-range-ratio 0.8), x", 0.8)]
    [InlineData("lengths uniform in 50-100% of nominal", 0.5)]
    [InlineData("fixed lengths", 1.0)]
    public void LengthRangeRatio_IsReadFromTheNotes(string notes, double ratio) => PreparedCase.StatedLengthRangeRatio(notes).Should().Be(ratio);

    [Theory]
    [InlineData("vllm serve, max-num-batched-tokens 8192, async", 8192)]
    [InlineData("trtllm-serve; max_num_tokens 16384, stream_interval 10", 16384)]
    public void TokenBudget_IsReadFromTheNotes(string notes, int budget) => PreparedCase.StatedMaxBatchedTokens(notes).Should().Be(budget);
}
