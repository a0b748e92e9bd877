namespace TokenCost.Sweeps;

/// <summary>Receives sweep results as they are computed; called concurrently from worker threads, so it must be thread-safe.</summary>
/// <param name="result">The result.</param>
public delegate void SweepResultHandler(in SweepResult result);
