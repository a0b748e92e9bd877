using System.CommandLine;
using TokenCost.Catalogs;
using TokenCost.Cli.Infrastructure;
using TokenCost.Server;
using TokenCost.Serving;

namespace TokenCost.Cli.Commands;

/// <summary><c>tokencost serve</c>: the pricing service and web calculator (TokenCost.Server), on loopback unless told otherwise.</summary>
public static class ServeCommand
{
    /// <summary>Creates the command.</summary>
    /// <returns>The command.</returns>
    public static Command Create()
    {
        var urls = new Option<string>("--urls") { Description = "Where to listen, ';'-separated (port 0 picks a free one). Loopback by default; give http://0.0.0.0:PORT to listen on every interface.", DefaultValueFactory = _ => PricingServerOptions.DefaultUrls };
        var maxBody = new Option<int>("--max-body-kb") { Description = "Largest request body accepted, in KiB", DefaultValueFactory = _ => 1024 };
        var options = new DeploymentOptions();
        var command = new Command("serve", "Run the pricing service (POST /v1/estimate, /v1/curve, /v1/compare, /v1/frontier, /v1/optimize; GET /v1/hardware, /v1/models, /v1/formats, /v1/stacks, /v1/price-tiers, /healthz, /openapi/v1.json) and the web calculator at /.\n--catalog, --profiles, --electricity-price and --pue are read once at start. Ctrl+C stops it after the requests in flight finish.\n\nExamples:\n  tokencost serve\n  tokencost serve --urls http://127.0.0.1:8080");
        command.Options.Add(urls);
        command.Options.Add(maxBody);
        options.AddCatalogOptionsTo(command);
        command.SetAction(result => CommandRunner.Run(() =>
        {
            var kb = OptionValues.PositiveInt(result, maxBody);
            // --catalog, --profiles, --electricity-price and --pue are read once at start (requests cannot name files).
            var catalog = options.ResolveCatalog(result);

            var app = PricingServer.CreateApp(new PricingServerOptions
            {
                Urls = result.GetValue(urls) ?? PricingServerOptions.DefaultUrls,
                MaxRequestBodyBytes = kb * 1024L,
                Catalog = catalog,
            });
            app.Run();
            return ExitCodes.Success;
        }));
        return command;
    }
}
