using TokenCost.Models;

namespace TokenCost.Estimation;

// Per-layer terms for today's layouts (docs/roofline.md, "Modern attention and MoE layouts"): multi-head latent attention,
// sliding-window / chunked layers, dense and MoE layers in one model, and expert weights in their own format. Every helper reduces
// exactly to the original single-layer-type formulas for a model without those features, so older results are unchanged.
// Each layer group is added to the accumulator with its share of the layers (count ÷ layers) so that the final Scale(layers)
// sums the groups: an operator's time is max(memory, compute) per group, as it would be per layer.
public sealed partial class RooflineEstimator
{
    /// <summary>
    /// KV positions one sequence of <paramref name="contextTokens"/> holds per layer, averaged over layers: T when no layer has a
    /// window, else (full layers × T + windowed layers × min(T, window)) ÷ layers.
    /// </summary>
    internal static double CachedPositionsPerLayer(ModelArchitecture m, double contextTokens) =>
        m.SlidingWindowLayers == 0 ? contextTokens : m.CachedTokenLayers(contextTokens) / m.Layers;

    /// <summary>
    /// Bytes of the linear weights of <paramref name="layers"/> decoder layers on one device before tensor-parallel division:
    /// attention, dense FFNs and routers in <see cref="DeploymentConfiguration.Weights"/>, experts in the expert format.
    /// </summary>
    internal static double BlockWeightBytes(DeploymentConfiguration c, double layers)
    {
        var m = c.Model;
        var experts = m.ExpertParameters;
        var perModel = ((m.BlockLinearParameters - experts) * c.Weights.BytesPerElement) + (experts * c.EffectiveExpertWeights.BytesPerElement);
        return perModel * layers / m.Layers;
    }

    /// <summary>
    /// Adds one average layer's attention (scaled later by the layer count) for an iteration over two groups of sequences: per layer
    /// group (full / windowed) the KV bytes read and written, the query/output traffic and the score + value multiply-adds, with positions
    /// capped at the window for windowed layers. MLA reads one latent per position for all heads and takes the cheaper of the absorbed
    /// form (heads × (2·kv_rank + rope) multiply-adds per position) and the expanded form (heads × (head_dim + v) per position, plus
    /// up-projecting the cached latents).
    /// </summary>
    private static void AddAttention(ref Accumulator acc, DeploymentConfiguration c, SequenceGroup first, SequenceGroup second, double attentionBw, double attentionRate)
    {
        var m = c.Model;
        var t = AttentionShards(c);
        var kvPerToken = KvElementsPerDevicePerLayer(c) * c.KvCache.BytesPerElement;
        var valueWidth = m.IsLatentAttention ? m.ValueHeadDimension : m.HeadDimension;
        var qoBytes = BusiestAttentionTokens(c, first, second) * m.AttentionHeads / t * (m.HeadDimension + valueWidth) * ActivationBytes;
        double windowed = Math.Min(m.SlidingWindowLayers, m.Layers);
        var full = m.Layers - windowed;
        if (full > 0)
        {
            AddAttentionGroup(ref acc, c, first, second, double.PositiveInfinity, full / m.Layers, kvPerToken, qoBytes, attentionBw, attentionRate);
        }

        if (windowed > 0)
        {
            AddAttentionGroup(ref acc, c, first, second, m.SlidingWindow, windowed / m.Layers, kvPerToken, qoBytes, attentionBw, attentionRate);
        }
    }

    private static void AddAttentionGroup(ref Accumulator acc, DeploymentConfiguration c, SequenceGroup first, SequenceGroup second, double window, double share, double kvPerToken, double qoBytes, double attentionBw, double attentionRate)
    {
        double kvBytes = 0, flops = 0;
        foreach (var g in (ReadOnlySpan<SequenceGroup>)[first, second])
        {
            if (g.Sequences > 0 && g.NewTokens > 0)
            {
                var (bytes, ops) = AttentionWork(c, g.Sequences / AttentionSpread(c, g.Sequences), g.NewTokens, g.PriorContext, window, kvPerToken);
                kvBytes += bytes;
                flops += ops;
            }
        }

        acc.Attention(share * kvBytes, share * qoBytes, share * flops, attentionBw, attentionRate);
    }

    /// <summary>KV bytes and attention FLOPs of one layer for b sequences each adding q tokens after s cached ones, window w (∞ = none).</summary>
    private static (double KvBytes, double Flops) AttentionWork(DeploymentConfiguration c, double b, double q, double s, double window, double kvPerToken)
    {
        var m = c.Model;
        var t = AttentionShards(c);
        // Positions read per sequence (cache after the step, capped at the window) plus the q new positions written.
        var kvBytes = (b * Math.Min(s + q, window) * kvPerToken) + (b * q * kvPerToken);
        var attended = AttendedPositions(s, q, window);
        var headsPerDevice = m.AttentionHeads / t;
        if (!m.IsLatentAttention)
        {
            return (kvBytes, 4 * b * headsPerDevice * m.HeadDimension * q * attended);
        }

        var absorbed = 2 * b * headsPerDevice * q * attended * ((2.0 * m.KvLowRank) + m.RopeHeadDimension);
        var expanded = (2 * b * headsPerDevice * q * attended * (m.HeadDimension + m.ValueHeadDimension))
                       + (2 * b * Math.Min(s, window) * m.KeyValueUpProjectionParametersPerLayer / t);
        return (kvBytes, Math.Min(absorbed, expanded));
    }

    /// <summary>
    /// Mean positions each of q new tokens attends to after s cached ones, with a window w (∞ = none): the new token at position
    /// p = s + i (i = 1…q) sees min(p, w) positions. Without a window this is s + (q + 1) ÷ 2, the causal mean.
    /// </summary>
    internal static double AttendedPositions(double s, double q, double w)
    {
        if (double.IsPositiveInfinity(w) || s + q <= w)
        {
            return s + ((q + 1) / 2);
        }

        if (s >= w)
        {
            return w;
        }

        // Positions s+1 … w see themselves; w+1 … s+q see w.
        var below = ((w * (w + 1)) - (s * (s + 1))) / 2;
        return (below + ((s + q - w) * w)) / q;
    }

    /// <summary>
    /// Adds one average layer's FFN: dense layers (share dense ÷ layers) and MoE layers (share MoE ÷ layers; experts touched by the
    /// step's tokens plus shared experts, in the expert format, and the router in the linear-weight format).
    /// </summary>
    private static void AddFeedForward(ref Accumulator acc, DeploymentConfiguration c, double tokens, double bandwidth, double weightBw, double dataBw, double gemmRate, Serving.EfficiencyProfile profile)
    {
        var m = c.Model;
        double t = c.TensorParallel;
        double wB = c.Weights.BytesPerElement, aB = ActivationBytes;
        if (m.DenseFeedForwardLayers > 0)
        {
            var share = (double)m.DenseFeedForwardLayers / m.Layers;
            acc.Linear(
                share * m.DenseFeedForwardParametersPerLayer / t * wB,
                share * tokens * ((2 * m.HiddenSize) + (m.FeedForwardMatrices * m.IntermediateSize / t)) * aB,
                share * 2 * tokens * m.DenseFeedForwardParametersPerLayer / t,
                weightBw,
                dataBw,
                gemmRate);
        }

        if (m.MoeLayers > 0)
        {
            var share = (double)m.MoeLayers / m.Layers;
            var expertFormat = c.EffectiveExpertWeights;
            // Expert parallelism: routed experts split over EP devices, the busiest carrying the imbalance × the mean load (layouts file).
            double ep = ExpertShards(c), imbalance = ExpertImbalance(c);
            var routedTouched = Math.Min(m.Experts, m.ExpectedExpertsTouched(tokens) * imbalance);
            var expertBytes = ((routedTouched / ep) + (m.SharedExperts / t)) * m.ParametersPerExpert * expertFormat.BytesPerElement;
            var routerBytes = m.RouterParametersPerLayer / t * wB;
            // One operator, two weight streams: its weight bandwidth is the bytes-weighted harmonic mean (= weightBw with one format).
            var expertBw = ReferenceEquals(expertFormat, c.Weights) ? weightBw : bandwidth * profile.WeightBandwidthEfficiency(expertFormat);
            var ffnBw = expertBw == weightBw ? weightBw : (expertBytes + routerBytes) / ((expertBytes / expertBw) + (routerBytes / weightBw));
            var ffnWidth = ((double)m.ExpertsPerToken + m.SharedExperts) * m.ExpertIntermediateSize; // in double: int would wrap for wide experts
            acc.Linear(
                share * (expertBytes + routerBytes),
                share * tokens * ((2 * m.HiddenSize) + (m.FeedForwardMatrices * ffnWidth / t * imbalance)) * aB,
                share * 2 * tokens * (((m.ExpertsPerToken * imbalance) + m.SharedExperts) * m.ParametersPerExpert + m.RouterParametersPerLayer) / t,
                ffnBw,
                dataBw,
                gemmRate);
        }
    }
}
