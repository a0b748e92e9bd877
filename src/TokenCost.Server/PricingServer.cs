using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Timeouts;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using TokenCost.Catalogs;
using TokenCost.Pricing;
using TokenCost.Server.Contracts;
using TokenCost.Server.Endpoints;
using TokenCost.Server.Hosting;

namespace TokenCost.Server;

/// <summary>
/// The TokenCost pricing service: a minimal-API web application answering <c>/v1/estimate</c>, <c>/v1/compare</c>, <c>/v1/frontier</c>,
/// <c>/v1/optimize</c>, the catalog listings, <c>/healthz</c> and <c>/openapi/v1.json</c>, with the web calculator at <c>/</c>.
/// Started by <c>tokencost serve</c> and by <c>dotnet run --project src/TokenCost.Server</c>.
/// </summary>
public static class PricingServer
{
    /// <summary>Builds the web application (not yet started): call <c>RunAsync</c> or <c>StartAsync</c> on it.</summary>
    /// <param name="options">Where to listen and what to accept, or null for the safe defaults (loopback only).</param>
    /// <returns>The application.</returns>
    public static WebApplication CreateApp(PricingServerOptions? options = null)
    {
        options ??= new PricingServerOptions();
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            Args = [.. options.Arguments],
            ApplicationName = typeof(PricingServer).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });

        // Loopback unless told otherwise (--urls, ASPNETCORE_URLS or the options).
        if (string.IsNullOrEmpty(builder.Configuration[WebHostDefaults.ServerUrlsKey]))
        {
            builder.WebHost.UseUrls(options.Urls);
        }

        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = options.MaxRequestBodyBytes;
            kestrel.Limits.MaxRequestHeadersTotalSize = 32 * 1024;
        });
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = options.ShutdownTimeout);
        builder.Services.ConfigureHttpJsonOptions(json =>
        {
            json.SerializerOptions.TypeInfoResolverChain.Insert(0, ServerJsonContext.Default);
            json.SerializerOptions.TypeInfoResolverChain.Insert(1, TokenCost.Contracts.TokenCostJsonContext.Default);
            json.SerializerOptions.MaxDepth = RequestLimits.MaxJsonDepth;
            // As the contracts read: numbers are JSON numbers (the OpenAPI document describes them from these options).
            json.SerializerOptions.NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.Strict;
        });
        builder.Services.AddProblemDetails();
        builder.Services.AddOpenApi("v1", openApi => openApi.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "TokenCost pricing service";
            document.Info.Description = "What a token costs to serve, on this hardware, with this model, quantization and serving stack. Bodies and field names are those of the tokencost CLI's --json output.";
            return Task.CompletedTask;
        }));
        builder.Services.AddRequestTimeouts(timeouts => timeouts.AddPolicy(ApiEndpoints.ExpensivePolicy, new RequestTimeoutPolicy
        {
            Timeout = options.ExpensiveRequestTimeout,
            TimeoutStatusCode = StatusCodes.Status504GatewayTimeout,
        }));
        builder.Services.AddRateLimiter(limiter =>
        {
            limiter.AddConcurrencyLimiter(ApiEndpoints.ExpensivePolicy, concurrency =>
            {
                concurrency.PermitLimit = Math.Max(1, options.MaxConcurrentExpensiveRequests);
                concurrency.QueueLimit = 2 * Math.Max(1, options.MaxConcurrentExpensiveRequests);
                concurrency.QueueProcessingOrder = QueueProcessingOrder.OldestFirst;
            });
            limiter.OnRejected = (rejected, _) =>
            {
                rejected.HttpContext.Response.Headers.RetryAfter = "1";
                return new ValueTask(ProblemResults.WriteAsync(rejected.HttpContext, StatusCodes.Status503ServiceUnavailable, "Too many expensive requests at once; retry shortly."));
            };
        });

        var app = builder.Build();
        var service = new PricingService(PricingContext.Create(options.Catalog ?? Catalog.Default));
        app.UseMiddleware<ErrorMiddleware>();
        app.Use((context, next) =>
        {
            context.Response.Headers.XContentTypeOptions = "nosniff";
            return next(context);
        });
        app.UseStatusCodePages();
        app.UseRouting();
        app.UseRateLimiter();
        app.UseRequestTimeouts();
        app.MapOpenApi("/openapi/{documentName}.json");
        ApiEndpoints.Map(app, service, options.MaxRequestBodyBytes, options.ExpensiveRequestTimeout);
        EmbeddedAssets.Map(app);
        return app;
    }
}
