namespace TokenCost.Economics.Batching;

/// <summary>How a server groups requests into forward steps.</summary>
public enum BatchingPolicy
{
    /// <summary>Static batching: the server takes the waiting requests (up to the batch limit) and runs the batch until its longest sequence ends.</summary>
    Static,

    /// <summary>Continuous (in-flight) batching: a finished sequence leaves the batch and a waiting request joins at the next step.</summary>
    Continuous,
}
