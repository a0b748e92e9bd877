namespace TokenCost.Server.Tests.Support;

/// <summary>
/// Tests that run alone, after the parallel ones: a request-timeout test needs the thread pool free to fire its 1 ms timer, which the
/// CPU-bound requests of parallel test classes can starve on a small machine (the expensive request then finishes before it is cancelled).
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SerialCollection
{
    /// <summary>The collection's name.</summary>
    public const string Name = "serial";
}
