using TokenCost.Catalogs;
using TokenCost.Validation;

namespace TokenCost.Tests.Validation;

/// <summary>The case reader's rules for today's checkpoints: gpt-oss fp4 = MXFP4 experts + bf16 rest; DeepSeek MTP as self-speculation.</summary>
public class ModernCaseTests
{
    private static ValidationCase Case(string model, string weights, string activations, SpeculativeSetting? speculative = null, int devices = 1) => new()
    {
        Id = "x", Model = model, Hardware = "nvidia_h200_sxm", Devices = devices, TensorParallel = devices, PipelineParallel = 1,
        Weights = weights, Activations = activations, KvCache = "bf16", ServingStack = "vllm", Batch = 4, InputTokens = 1024, OutputTokens = 1024,
        Speculative = speculative, Metric = CaseMetric.TimePerOutputToken, Value = 1, Source = "test", Notes = "", Tags = CaseReader.ParseTags("", "t", 1),
    };

    [Fact]
    public void GptOssFp4_WithBf16Activations_IsMxfp4ExpertsAndBf16Rest()
    {
        var prepared = CasePredictor.Prepare(Case("gpt-oss-120b", "fp4", "bf16"), Catalog.Default);
        prepared.Target.Weights.Id.Should().Be("bf16");
        prepared.Target.ExpertWeights!.Id.Should().Be("mxfp4");
        prepared.Target.ExpertWeights.BytesPerElement.Should().Be(0.53125);
    }

    [Fact]
    public void Fp4WithFp4Activations_StaysAllFp4()
    {
        var prepared = CasePredictor.Prepare(Case("gpt-oss-120b", "fp4", "fp4"), Catalog.Default);
        prepared.Target.Weights.Id.Should().Be("fp4");
        prepared.Target.ExpertWeights.Should().BeNull();
    }

    [Fact]
    public void DenseModelFp4_IsNotReinterpreted()
    {
        var prepared = CasePredictor.Prepare(Case("llama-3-8b", "fp4", "bf16"), Catalog.Default);
        prepared.Target.Weights.Id.Should().Be("fp4");
        prepared.Target.ExpertWeights.Should().BeNull();
    }

    [Fact]
    public void DeepSeekEagle_UsesItsMtpModule_WithTheDocumentedDefaults()
    {
        var spec = new SpeculativeSetting { DraftModel = SpeculativeSetting.Eagle, DraftTokens = null, AcceptanceRate = null };
        var prepared = CasePredictor.Prepare(Case("deepseek-r1", "fp8", "fp8", spec, devices: 8), Catalog.Default);
        prepared.Draft!.Model.Id.Should().Be("deepseek-r1+mtp");
        prepared.Draft.Model.MoeLayers.Should().Be(1);
        prepared.DraftTokens.Should().Be(1);
        prepared.Acceptance.Should().Be(0.85);

        var predicted = new CasePredictor(TestPricing.Default).Predict(prepared.Case);
        predicted.Error.Should().BeNull();
        var plain = new CasePredictor(TestPricing.Default).Predict(prepared.Case with { Speculative = null });
        predicted.Predicted.Should().BeLessThan(plain.Predicted!.Value, "at batch 4 one MTP draft at 85 % acceptance shortens the time per output token");
    }
}
