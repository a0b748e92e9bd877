using TokenCost.Server;

// dotnet run --project src/TokenCost.Server [-- --urls http://127.0.0.1:5080]
var app = PricingServer.CreateApp(new PricingServerOptions { Arguments = args });
await app.RunAsync().ConfigureAwait(false);
