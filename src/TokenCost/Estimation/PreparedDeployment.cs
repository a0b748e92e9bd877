using TokenCost.Serving;

namespace TokenCost.Estimation;

/// <summary>
/// A deployment checked once and paired with its effective efficiency profile, so that many estimates of it
/// (different batches and sequence lengths) run without validation, look-ups or allocation.
/// </summary>
/// <remarks>This type is immutable and thread-safe. Create it with <see cref="RooflineEstimator.Prepare"/>; it is only valid with the estimator that made it.</remarks>
public sealed class PreparedDeployment
{
    internal PreparedDeployment(DeploymentConfiguration configuration, EfficiencyProfile profile, ServingProfiles profiles)
    {
        Configuration = configuration;
        Profile = profile;
        Profiles = profiles;

        // Same contents, faster look-ups: what Forward sees in the hot loop (results are identical).
        FastConfiguration = configuration with
        {
            Hardware = configuration.Hardware with { PeakCompute = new PrecisionTable(configuration.Hardware.PeakCompute) },
        };
        FastProfile = profile with { WeightFormatEfficiency = new KnownKeyMap(profile.WeightFormatEfficiency, configuration.Weights.Id), ComputeFormatEfficiency = new KnownKeyMap(profile.ComputeFormatEfficiency, configuration.Activations.Id) };
    }

    /// <summary>Gets the deployment.</summary>
    public DeploymentConfiguration Configuration { get; }

    /// <summary>Gets the effective efficiency profile (the stack's, with the hardware's bandwidth factor applied).</summary>
    public EfficiencyProfile Profile { get; }

    /// <summary>Gets the deployment with array-indexed peak rates, for the hot loop.</summary>
    internal DeploymentConfiguration FastConfiguration { get; }

    /// <summary>Gets the profile with the weight format's bandwidth factor pre-resolved, for the hot loop.</summary>
    internal EfficiencyProfile FastProfile { get; }

    /// <summary>Gets the profile set the profile was resolved from.</summary>
    internal ServingProfiles Profiles { get; }
}
