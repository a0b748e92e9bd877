using TokenCost.Estimation;
using TokenCost.Models;

namespace TokenCost.Pricing;

/// <summary>
/// The one device-count policy, used wherever a device count is not given (<see cref="PricingContext.FitDeployment"/>, the platform
/// comparison, the claim auditor): one replica of n = 1, 2, 4, 8 devices and then whole 8-device servers (16, 24, 32 …), up to a
/// maximum (1 on hardware without an interconnect),
/// each n laid out by <see cref="Layout"/>; the first n whose memory plan passes the fit test wins, else the largest n tried.
/// </summary>
internal static class DevicePlacement
{
    /// <summary>The most devices tried by default: one 8-GPU server.</summary>
    public const int DefaultMaxDevices = 8;

    /// <summary>Devices of one server: counts above it grow by whole servers.</summary>
    private const int ServerDevices = 8;

    /// <summary>Finds the fewest devices on which the model fits (see the type's summary).</summary>
    /// <param name="context">The pricing context (catalog and estimator).</param>
    /// <param name="modelId">The model id.</param>
    /// <param name="hardwareId">The hardware id.</param>
    /// <param name="weightsId">The weight format id.</param>
    /// <param name="stackId">The serving stack id.</param>
    /// <param name="contextTokens">Tokens of KV cache per sequence, ≥ 1.</param>
    /// <param name="batch">Sequences per replica, ≥ 1.</param>
    /// <param name="maxDevices">The most devices tried, ≥ 1.</param>
    /// <param name="fits">The fit test applied to each memory plan.</param>
    /// <returns>The chosen deployment, its memory plan and whether it fits.</returns>
    public static Placement Fewest(PricingContext context, string modelId, string hardwareId, string weightsId, string stackId, int contextTokens, int batch, int maxDevices, Func<MemoryPlan, bool> fits)
    {
        var model = context.Catalog.GetModel(modelId);
        var max = context.Catalog.GetHardware(hardwareId).InterconnectBandwidth is null ? 1 : maxDevices;
        Placement? last = null;
        for (long n = 1; n <= max; n = n < ServerDevices ? n * 2 : n + ServerDevices)
        {
            var devices = (int)n;
            if (devices > 1 && TensorParallelFor(model, devices) is null)
            {
                continue; // no split of the heads and layers uses exactly n devices
            }

            var configuration = Layout(context, modelId, hardwareId, weightsId, stackId, devices);
            var plan = context.Estimator.PlanMemory(configuration, contextTokens, batch);
            last = new Placement(configuration, plan, fits(plan));
            if (last.Fits)
            {
                return last;
            }
        }

        return last!;
    }

    /// <summary>
    /// Lays a given number of devices out as one replica: the largest tensor-parallel degree that splits the attention and KV heads,
    /// the rest as pipeline stages (a device count above the heads, such as hundreds of chips, is pipelined, as such systems are).
    /// </summary>
    /// <param name="context">The pricing context.</param>
    /// <param name="modelId">The model id.</param>
    /// <param name="hardwareId">The hardware id.</param>
    /// <param name="weightsId">The weight format id.</param>
    /// <param name="stackId">The serving stack id.</param>
    /// <param name="devices">The devices, ≥ 1.</param>
    /// <returns>The deployment.</returns>
    public static DeploymentConfiguration Layout(PricingContext context, string modelId, string hardwareId, string weightsId, string stackId, int devices)
    {
        var tp = TensorParallelFor(context.Catalog.GetModel(modelId), devices) ?? devices;
        return DeploymentConfiguration.Create(context.Catalog, modelId, hardwareId, weightsId, stackId: stackId, devices: devices, tensorParallel: tp, pipelineParallel: devices / tp);
    }

    /// <summary>The largest tensor-parallel degree t dividing <paramref name="devices"/> that splits the heads, with devices ÷ t pipeline stages of at least one layer each; null when none.</summary>
    private static int? TensorParallelFor(ModelArchitecture m, int devices)
    {
        for (var t = Math.Min(devices, 4096); t >= 1; t--) // bounded: no model has more heads
        {
            if (devices % t == 0 && devices / t <= m.Layers && DeploymentConfiguration.HeadsAllow(m, t))
            {
                return t;
            }
        }

        return null;
    }

    /// <summary>A chosen layout with its memory plan.</summary>
    /// <param name="Configuration">The deployment.</param>
    /// <param name="Plan">Its memory plan.</param>
    /// <param name="Fits">Whether the plan passed the fit test.</param>
    internal sealed record Placement(DeploymentConfiguration Configuration, MemoryPlan Plan, bool Fits);
}
