using Microsoft.AspNetCore.Mvc.Testing;

namespace TokenCost.Server.Tests.Api;

/// <summary>
/// The service as <c>dotnet run --project src/TokenCost.Server</c> starts it (its Program's entry point), on an in-memory test server.
/// The type argument only names the server's assembly: its Program class would clash with the CLI's, which the tests also reference.
/// </summary>
public sealed class ApiFactory : WebApplicationFactory<PricingServerOptions>;
