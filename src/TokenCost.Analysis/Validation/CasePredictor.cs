using TokenCost.Catalogs;
using TokenCost.Estimation;
using TokenCost.Internal;
using TokenCost.Pricing;
using TokenCost.Serialization;
using TokenCost.Serving;

namespace TokenCost.Validation;

/// <summary>
/// Turns a validation case into a prediction with the roofline estimator (and speculative decoding where the case uses it),
/// implementing each metric's definition. Values the case leaves unstated get the documented defaults below, never per-case values.
/// </summary>
/// <remarks>
/// <para>This type is immutable and thread-safe.</para>
/// <para>Defaults: prompt <see cref="DefaultInputTokens"/> tokens, output <see cref="DefaultOutputTokens"/> tokens; weights bf16, activations
/// the weight format when it is a compute format (fp8, fp4) else bf16, KV cache fp8 when the activations are fp8 or fp4 (FP8 and NVFP4
/// checkpoints quantize the KV cache too) else bf16; per-user rates without a <c>timebase</c> tag on the
/// decode time base; speculative acceptance <see cref="DefaultAcceptanceRate"/> and draft length <see cref="DefaultEagleDraftTokens"/>
/// (EAGLE) or <see cref="DefaultDraftModelTokens"/> (draft model); an unstated layout uses the smallest power-of-two tensor-parallel
/// degree whose weights take at most <see cref="WeightMemoryFractionForLayout"/> of a device's memory, the other devices as replicas; hardware without a listed interconnect gets
/// <see cref="AssumedInterconnectToMemoryBandwidth"/> × its memory bandwidth.</para>
/// </remarks>
public sealed class CasePredictor
{
    /// <summary>Prompt tokens assumed when a case does not state them (llama-bench's default prompt, a typical chat prompt).</summary>
    public static int DefaultInputTokens { get; } = 512;

    /// <summary>Output tokens assumed when a case does not state them (a typical chat answer; gpt-fast generates 200 by default).</summary>
    public static int DefaultOutputTokens { get; } = 256;

    /// <summary>Per-token acceptance rate assumed when a speculative case does not state it.</summary>
    public static double DefaultAcceptanceRate { get; } = 0.75;

    /// <summary>Tokens drafted per step assumed for an EAGLE head when not stated (EAGLE's default tree depth).</summary>
    public static int DefaultEagleDraftTokens { get; } = 5;

    /// <summary>Tokens drafted per step assumed for a separate draft model when not stated.</summary>
    public static int DefaultDraftModelTokens { get; } = 4;

    /// <summary>The largest share of one device's memory the weights may take when a case does not state its parallel layout.</summary>
    public static double WeightMemoryFractionForLayout { get; } = 0.6;

    /// <summary>Bidirectional interconnect bandwidth assumed, as a fraction of memory bandwidth, for multi-device cases on hardware that lists none.</summary>
    public static double AssumedInterconnectToMemoryBandwidth { get; } = 0.15;

    private readonly Catalog _catalog;

    /// <summary>Initializes a new instance of the <see cref="CasePredictor"/> class.</summary>
    /// <param name="context">The pricing context: its catalog resolves the cases' ids and its serving profiles predict them
    /// (to predict with other profiles, for example a calibration result, pass <c>context.WithProfiles(profiles)</c>).</param>
    public CasePredictor(PricingContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        _catalog = context.Catalog;
        Profiles = context.Profiles;
    }

    /// <summary>Gets the profiles used.</summary>
    public ServingProfiles Profiles { get; }

    /// <summary>Predicts one case.</summary>
    /// <param name="validationCase">The case.</param>
    /// <returns>The prediction, or a prediction carrying an <see cref="CasePrediction.Error"/> when the case cannot be modelled.</returns>
    public CasePrediction Predict(ValidationCase validationCase)
    {
        ArgumentNullException.ThrowIfNull(validationCase);
        try
        {
            var prepared = PreparedCase.Create(validationCase, _catalog);
            var value = prepared.Evaluate(Profiles, out var bound);
            return new CasePrediction { Case = validationCase, Predicted = value, Bound = bound };
        }
        catch (Exception ex) when (ex is ArgumentException or InputFileException or InvalidOperationException)
        {
            return new CasePrediction { Case = validationCase, Error = ex.Message.ReplaceLineEndings(" ") };
        }
    }

    /// <summary>Predicts cases in order.</summary>
    /// <param name="cases">The cases.</param>
    /// <returns>One prediction per case, in order.</returns>
    public IReadOnlyList<CasePrediction> PredictAll(IEnumerable<ValidationCase> cases)
    {
        ArgumentNullException.ThrowIfNull(cases);
        return cases.Select(Predict).ToList();
    }

    /// <summary>Prepares a case once (ids resolved, layout chosen) so calibration can evaluate it under many profiles.</summary>
    /// <param name="validationCase">The case.</param>
    /// <param name="catalog">The catalog.</param>
    /// <returns>The prepared case.</returns>
    internal static PreparedCase Prepare(ValidationCase validationCase, Catalog catalog) => PreparedCase.Create(Guard.NotNull(validationCase), Guard.NotNull(catalog));
}
