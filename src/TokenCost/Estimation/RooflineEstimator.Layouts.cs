using TokenCost.Serving;

namespace TokenCost.Estimation;

// MoE serving layouts (docs/roofline.md, "MoE serving layouts"): expert parallelism and data-parallel attention. Every helper returns
// the tensor-parallel value for ServingLayout.TensorParallelOnly, so results without a layout are unchanged.
public sealed partial class RooflineEstimator
{
    /// <summary>Devices one layer's attention heads (and QKV / output-projection weights) are split over: TP, or 1 with data-parallel attention.</summary>
    internal static double AttentionShards(DeploymentConfiguration c) => c.Layout.AttentionDataParallel ? 1 : c.TensorParallel;

    /// <summary>Devices a replica's sequences are spread over for attention: 1, or TP with data-parallel attention (each device its own sequences).</summary>
    internal static double AttentionReplicas(DeploymentConfiguration c) => c.Layout.AttentionDataParallel ? c.TensorParallel : 1;

    /// <summary>
    /// Devices the routed experts are effectively split over: E ÷ ⌈E ÷ EP⌉ when expert parallel (= EP when EP divides E; otherwise each
    /// device holds ⌈E ÷ EP⌉ experts, the spare slots redundant copies), else TP.
    /// </summary>
    internal static double ExpertShards(DeploymentConfiguration c) => c.Layout.ExpertParallel > 1
        ? c.Model.Experts / Math.Ceiling(c.Model.Experts / (double)c.Layout.ExpertParallel)
        : c.TensorParallel;

    /// <summary>
    /// Tokens the busiest data-parallel attention rank processes in an iteration over two groups: sequences are not split across ranks,
    /// so a group of b sequences spreads over min(DP, max(1, b)) ranks and the busiest holds its decode share plus a whole prefill chunk
    /// of fewer sequences than ranks (docs/roofline.md, "Data-parallel attention"). Equals the group tokens ÷ DP when every group has at
    /// least DP sequences, and the plain token count without data-parallel attention.
    /// </summary>
    internal static double BusiestAttentionTokens(DeploymentConfiguration c, SequenceGroup first, SequenceGroup second) =>
        (first.Tokens / AttentionSpread(c, first.Sequences)) + (second.Tokens / AttentionSpread(c, second.Sequences));

    /// <summary>Ranks a group of <paramref name="sequences"/> sequences spreads over for attention: min(DP, max(1, sequences)), 1 without data-parallel attention.</summary>
    internal static double AttentionSpread(DeploymentConfiguration c, double sequences) => Math.Min(AttentionReplicas(c), Math.Max(1, sequences));

    /// <summary>Max ÷ mean expert load over the EP devices (1 without expert parallelism): the busiest device sets the MoE layer's time.</summary>
    internal static double ExpertImbalance(DeploymentConfiguration c) => c.Layout.ExpertParallel > 1 ? c.Layout.ExpertLoadImbalance : 1;

    /// <summary>Attention (QKV + output projection) weight bytes of one layer before any division, in the linear-weight format.</summary>
    internal static double AttentionWeightBytesPerLayer(DeploymentConfiguration c) =>
        (c.Model.QkvParametersPerLayer + c.Model.OutputProjectionParametersPerLayer) * c.Weights.BytesPerElement;

    /// <summary>
    /// Weight bytes of <paramref name="layers"/> decoder layers on one device under the layout: attention ÷ attention shards, routed
    /// experts ÷ expert shards, the rest ÷ TP. Equals BlockWeightBytes ÷ TP for plain tensor parallelism.
    /// </summary>
    internal static double LayoutBlockWeightBytesPerDevice(DeploymentConfiguration c, double layers)
    {
        var m = c.Model;
        double t = c.TensorParallel;
        var all = BlockWeightBytes(c, layers);
        if (c.Layout.IsTensorParallelOnly)
        {
            return all / t;
        }

        var attention = AttentionWeightBytesPerLayer(c) * layers;
        var routed = (double)m.MoeLayers * m.Experts * m.ParametersPerExpert * c.EffectiveExpertWeights.BytesPerElement * layers / m.Layers;
        return (attention / AttentionShards(c)) + (routed / ExpertShards(c)) + ((all - attention - routed) / t);
    }

    /// <summary>
    /// Seconds of one MoE layer's all-to-all dispatch and combine on one device under expert parallelism with data-parallel attention:
    /// each device sends its own tokens (tokens ÷ DP) to the D = EP·(1 − (1 − 1/EP)^k) devices holding their k experts, (EP − 1) ÷ EP of
    /// them remote, hidden × activation bytes each, and receives the results back: 2 × (latency + bytes ÷ link per direction). The link is
    /// the scale-up link when the replica fits the scale-up domain, else the per-device scale-out link. Without data-parallel attention
    /// the tokens are already on every device after the attention all-reduce, and the MoE output is combined by the tensor-parallel
    /// all-reduce already counted; 0 then.
    /// </summary>
    internal static double MoeAllToAllSeconds(DeploymentConfiguration c, double tokens, EfficiencyProfile profile)
    {
        double ep = c.Layout.ExpertParallel;
        if (ep < 2 || !c.Layout.AttentionDataParallel || c.Model.MoeLayers == 0)
        {
            return 0;
        }

        var m = c.Model;
        var destinations = ep * (1 - Math.Pow(1 - (1 / ep), Math.Max(1, m.ExpertsPerToken)));
        var bytes = tokens / AttentionReplicas(c) * destinations * (ep - 1) / ep * m.HiddenSize * ActivationBytes;
        var link = LayoutLinkPerDirection(c, c.DevicesPerReplica) * profile.InterconnectEfficiency;
        return 2 * (profile.CollectiveLatency.Seconds + (bytes / link));
    }

    /// <summary>
    /// Communication seconds of one average decoder layer under the layout, given <paramref name="tensorParallelSeconds"/>, the two
    /// tensor-parallel all-reduces (after attention and after the FFN) of plain TP. TP attention (with or without EP): unchanged, the
    /// experts' outputs are combined by the FFN all-reduce. Data-parallel attention: no attention all-reduce; MoE layers with EP pay the
    /// all-to-all dispatch + combine; FFN layers that still follow TP gather their tokens and scatter the result (one all-reduce's bytes).
    /// </summary>
    internal static double LayoutCommunicationSeconds(DeploymentConfiguration c, double tokens, double tensorParallelSeconds, EfficiencyProfile profile)
    {
        if (!c.Layout.AttentionDataParallel || c.TensorParallel == 1)
        {
            return tensorParallelSeconds;
        }

        var m = c.Model;
        var moeShare = (double)m.MoeLayers / m.Layers;
        var oneAllReduce = tensorParallelSeconds / 2;
        return c.Layout.ExpertParallel > 1
            ? (moeShare * MoeAllToAllSeconds(c, tokens, profile)) + ((1 - moeShare) * oneAllReduce)
            : oneAllReduce;
    }

    /// <summary>
    /// Bytes per second one device can send in one direction to the devices of a group of <paramref name="groupDevices"/>: half the
    /// listed bidirectional scale-up bandwidth when the group fits the scale-up domain, else the per-device scale-out bandwidth.
    /// </summary>
    internal static double LayoutLinkPerDirection(DeploymentConfiguration c, int groupDevices)
    {
        var hw = c.Hardware;
        var scaleUp = hw.InterconnectBandwidth is { } b ? b.BytesPerSecond / 2 : hw.MemoryBandwidth.BytesPerSecond * 0.075;
        return groupDevices <= hw.ScaleUpDomainDevices || hw.ScaleOutBandwidthPerDevice is not { } so ? scaleUp : Math.Min(scaleUp, so.BytesPerSecond);
    }
}
