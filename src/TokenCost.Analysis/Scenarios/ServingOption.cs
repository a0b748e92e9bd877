namespace TokenCost.Economics.Scenarios;

/// <summary>Who serves the traffic in an API comparison.</summary>
public enum ServingOption
{
    /// <summary>The scenario's own deployment (self-hosted).</summary>
    SelfHosted,

    /// <summary>A third-party API at its list prices.</summary>
    Api,
}
