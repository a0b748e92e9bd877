namespace TokenCost.Server.Contracts;

/// <summary>The bounds every request is checked against: they keep one request's work and memory small.</summary>
internal static class RequestLimits
{
    /// <summary>The deepest JSON nesting accepted.</summary>
    public const int MaxJsonDepth = 32;

    /// <summary>The most accelerators in one deployment.</summary>
    public const int MaxDevices = 65_536;

    /// <summary>The largest batch per replica.</summary>
    public const int MaxBatch = 1_000_000;

    /// <summary>The most prompt or output tokens per sequence.</summary>
    public const int MaxTokens = 10_000_000;

    /// <summary>The most entries in a list of ids or counts (hardware to compare, formats or device counts to sweep).</summary>
    public const int MaxListEntries = 64;

    /// <summary>The most operating points one curve request may evaluate (configurations × concurrencies).</summary>
    public const int MaxCurvePoints = 2_000;

    /// <summary>The largest closed-loop concurrency of a curve point.</summary>
    public const int MaxConcurrency = 1_000_000;

    /// <summary>The largest Poisson arrival rate of an estimate, in requests per second.</summary>
    public const double MaxRequestsPerSecond = 1e9;

    /// <summary>The most device counts a sweep may try, and the largest of them.</summary>
    public const int MaxSweepDevices = 1_024;
}
