using System.Globalization;
using System.Text.RegularExpressions;
using TokenCost.Estimation;

namespace TokenCost.Serving.Layouts;

/// <summary>
/// A disaggregated prefill/decode deployment (docs/roofline.md, "MoE serving layouts"): a prefill pool that only runs prefills and a
/// decode pool that only decodes, each of whole replicas (workers) with its own tensor-parallel, expert-parallel and attention layout;
/// every request's KV cache moves from the prefill to the decode pool over the interconnect.
/// </summary>
/// <remarks>This type is immutable and thread-safe. Both pools run the same model on the same hardware with the same KV-cache format
/// (the cache crosses between them); each pool's <see cref="DeploymentConfiguration.Replicas"/> are its workers.</remarks>
public sealed partial record DisaggregatedDeployment
{
    /// <summary>Gets the prefill pool: all its devices, its replicas the prefill workers.</summary>
    public required DeploymentConfiguration Prefill { get; init; }

    /// <summary>Gets the decode pool: all its devices, its replicas the decode workers.</summary>
    public required DeploymentConfiguration Decode { get; init; }

    /// <summary>Gets the devices of both pools.</summary>
    public int Devices => Prefill.Devices + Decode.Devices;

    /// <summary>
    /// Gets the deployment in the case-tag notation <c>WxGg…+WxGg…</c> (prefill pool first): W workers of G devices each and the
    /// worker's layout, for example <c>1x8gTP8EP8DP+9x8gTP8EP8</c>.
    /// </summary>
    public string Notation => Pool(Prefill) + "+" + Pool(Decode);

    /// <summary>
    /// Creates a deployment from the case-tag notation (<c>WxGg[TPt][EPe][DP]+WxGg[TPt][EPe][DP]</c>, ../shared/validation/README.md):
    /// W workers of G devices, tensor-parallel degree t (omitted = G), expert-parallel degree e (omitted = 1) and <c>DP</c> for
    /// data-parallel attention. The model, hardware, formats and stack come from <paramref name="worker"/>.
    /// </summary>
    /// <param name="worker">Any configuration of the model, hardware, formats and stack (its devices and layout are replaced).</param>
    /// <param name="notation">The pools, prefill first.</param>
    /// <returns>The validated deployment.</returns>
    /// <exception cref="ArgumentException"><paramref name="notation"/> does not follow the notation, or a pool's layout is inconsistent (the message names which).</exception>
    public static DisaggregatedDeployment Create(DeploymentConfiguration worker, string notation)
    {
        ArgumentNullException.ThrowIfNull(worker);
        ArgumentNullException.ThrowIfNull(notation);
        var parts = notation.Trim().Split('+');
        if (parts.Length != 2)
        {
            throw new ArgumentException($"'{Clip(notation)}' is not a disaggregated deployment: write two pools joined by '+', prefill first, each WxGg[TPt][EPe][DP] (for example 1x8gTP8EP8DP+9x8gTP8EP8).", nameof(notation));
        }

        var deployment = new DisaggregatedDeployment { Prefill = ParsePool(worker, parts[0], "prefill"), Decode = ParsePool(worker, parts[1], "decode") };
        deployment.Validate();
        return deployment;
    }

    /// <summary>Checks both pools and that they can hand a KV cache over.</summary>
    /// <exception cref="ArgumentException">A pool is inconsistent (see <see cref="DeploymentConfiguration.Validate"/>), or the pools differ in model, hardware or KV-cache format.</exception>
    public void Validate()
    {
        Prefill.Validate();
        Decode.Validate();
        if (Prefill.Model.Id != Decode.Model.Id || Prefill.Hardware.Id != Decode.Hardware.Id || Prefill.KvCache.Id != Decode.KvCache.Id)
        {
            throw new ArgumentException($"the prefill and decode pools must serve the same model on the same hardware with the same KV-cache format; got {Prefill.Model.Id} on {Prefill.Hardware.Id} ({Prefill.KvCache.Id} KV) and {Decode.Model.Id} on {Decode.Hardware.Id} ({Decode.KvCache.Id} KV).", nameof(Prefill));
        }
    }

    /// <summary>Returns <see cref="Notation"/>.</summary>
    /// <returns>The notation.</returns>
    public override string ToString() => Notation;

    private static string Pool(DeploymentConfiguration c) => FormattableString.Invariant($"{c.Replicas}x{c.DevicesPerReplica}g{c.LayoutNotation}");

    private static DeploymentConfiguration ParsePool(DeploymentConfiguration worker, string notation, string role)
    {
        var m = PoolPattern().Match(notation.Trim());
        static int? Group(Match m, int i) => m.Groups[i].Success ? int.Parse(m.Groups[i].Value, NumberStyles.None, CultureInfo.InvariantCulture) : null;
        if (!m.Success || Group(m, 1) is not { } workers || Group(m, 2) is not { } devices || workers < 1 || devices < 1)
        {
            throw new ArgumentException($"the {role} pool '{Clip(notation)}' must read WxGg[TPt][EPe][DP] with W workers ≥ 1 of G devices ≥ 1 (for example 1x8gTP8EP8DP).", nameof(notation));
        }

        var tp = Group(m, 3) ?? devices;
        var ep = Group(m, 4) ?? 1;
        if (tp < 1 || devices % tp != 0 || ep < 1)
        {
            throw new ArgumentException(FormattableString.Invariant($"the {role} pool '{Clip(notation)}': the tensor-parallel degree ({tp}) must divide the {devices} devices of a worker, and EP must be ≥ 1."), nameof(notation));
        }

        if ((long)workers * devices > int.MaxValue)
        {
            throw new ArgumentException($"the {role} pool '{Clip(notation)}' has more devices than can be counted.", nameof(notation));
        }

        try
        {
            var pool = worker with { Devices = workers * devices, TensorParallel = tp, PipelineParallel = 1, Layout = new ServingLayout { ExpertParallel = ep, AttentionDataParallel = m.Groups[5].Success } };
            pool.Validate();
            return pool;
        }
        catch (ArgumentException ex)
        {
            throw new ArgumentException($"the {role} pool '{Clip(notation)}': {ex.Message.Split(" (Parameter", 2)[0]}", nameof(notation), ex);
        }
    }

    private static string Clip(string text) => text.Length <= 64 ? text : text[..64] + "…";

    [GeneratedRegex("^([0-9]{1,6})x([0-9]{1,6})g(?:TP([0-9]{1,6}))?(?:EP([0-9]{1,6}))?(DP)?$", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex PoolPattern();
}
