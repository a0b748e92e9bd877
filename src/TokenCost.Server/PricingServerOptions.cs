using TokenCost.Catalogs;

namespace TokenCost.Server;

/// <summary>How the pricing service listens and what it accepts. The defaults are safe: loopback only, small bodies, short work limits.</summary>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed record PricingServerOptions
{
    /// <summary>The address the service listens on when none is given: loopback only.</summary>
    public const string DefaultUrls = "http://127.0.0.1:5080";

    /// <summary>Gets the URLs to listen on, separated by ';' (for example <c>http://127.0.0.1:5080</c>; port 0 picks a free port).</summary>
    /// <value>The default value is <see cref="DefaultUrls"/>. Listening beyond loopback needs an explicit address such as <c>http://0.0.0.0:5080</c>.</value>
    public string Urls { get; init; } = DefaultUrls;

    /// <summary>Gets the largest request body accepted, in bytes; a larger one is refused with 413.</summary>
    /// <value>The default value is 1 MiB.</value>
    public long MaxRequestBodyBytes { get; init; } = 1 << 20;

    /// <summary>Gets the longest an expensive request (compare, frontier, optimize) may run before it is cancelled with 504.</summary>
    /// <value>The default value is 10 seconds.</value>
    public TimeSpan ExpensiveRequestTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Gets the most expensive requests (compare, frontier, optimize) run at once; further ones queue briefly, then get 503.</summary>
    /// <value>The default value is the processor count.</value>
    public int MaxConcurrentExpensiveRequests { get; init; } = Environment.ProcessorCount;

    /// <summary>Gets how long shutdown waits for requests in flight to finish.</summary>
    /// <value>The default value is 5 seconds.</value>
    public TimeSpan ShutdownTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Gets the catalog requests are priced with, or null for <see cref="Catalog.Default"/>.</summary>
    public Catalog? Catalog { get; init; }

    /// <summary>Gets the command-line arguments passed on to the host's configuration (for example <c>--urls</c>, <c>--Logging:LogLevel:Default</c>), or empty.</summary>
    public IReadOnlyList<string> Arguments { get; init; } = [];
}
