namespace TokenCost.Contracts;

/// <summary>The words a curve answer uses to say what its load, power and Pareto flags mean (the same in the CLI and the service).</summary>
public static class CurveDescriptions
{
    /// <summary>Gets the load model of a curve.</summary>
    public static string Load => "closed loop (continuous batching)";

    /// <summary>Gets how facility power is modelled.</summary>
    public static string FacilityPower => "data-centre model: mean board power at the operating point × server overhead × PUE";

    /// <summary>Gets what the two Pareto flags maximise and minimise.</summary>
    public static string ParetoFront => "onParetoFront: per hardware, maximise outputTokensPerSecondPerUser and outputTokensPerSecondPerDevice; onCostParetoFront: over all points, maximise outputTokensPerSecondPerUser and minimise costPerMillionOutputTokensUsd";
}
