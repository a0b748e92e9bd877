using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using TokenCost.Contracts;
using TokenCost.Server.Contracts;
using TokenCost.Server.Requests;

namespace TokenCost.Server.Endpoints;

/// <summary>Maps the <c>/v1/</c> API and <c>/healthz</c>.</summary>
internal static class ApiEndpoints
{
    /// <summary>The name of the policy (timeout and concurrency limit) of the expensive endpoints.</summary>
    public const string ExpensivePolicy = "expensive";

    /// <summary>Maps the endpoints.</summary>
    /// <param name="app">The route builder.</param>
    /// <param name="service">The pricing service.</param>
    /// <param name="maxBodyBytes">The largest request body, in bytes.</param>
    /// <param name="expensiveTimeout">The time limit of an expensive request; an answer finished past it is replaced by 504.</param>
    public static void Map(IEndpointRouteBuilder app, PricingService service, long maxBodyBytes, TimeSpan expensiveTimeout)
    {
        var json = ServerJsonContext.Default;
        var answers = TokenCostJsonContext.Default;
        var v1 = app.MapGroup("/v1").WithTags("pricing");

        v1.MapPost("/estimate", async (HttpContext context, CancellationToken cancellationToken) =>
            Results.Json(service.Estimate(await JsonBody.ReadAsync(context.Request, json.EstimateRequest, maxBodyBytes).ConfigureAwait(false)), answers.EstimateResponse))
            .WithName("estimate")
            .WithSummary("Estimate and price one deployment under a load (tokencost estimate --load … --json).")
            .WithDescription("Every property is optional, with the CLI's defaults. Answers TTFT, time per output token, throughput, memory fit, what bounds the step, and $ per 1M input, output and total tokens with the cost breakdown, under a load (load: static, closed, offline or poisson, as tokencost estimate --load). modelConfig takes a Hugging Face config.json object inline (as --model-config).")
            .Accepts<EstimateRequest>("application/json")
            .Produces<EstimateResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);

        v1.MapPost("/compare", async (HttpContext context, CancellationToken cancellationToken) =>
            Results.Json(service.Compare(await JsonBody.ReadAsync(context.Request, json.CompareRequest, maxBodyBytes).ConfigureAwait(false), cancellationToken), answers.CompareResponse))
            .WithName("compare")
            .WithSummary("Price one model and workload on several platforms, each on the fewest devices (1, 2, 4, 8) on which it fits.")
            .Accepts<CompareRequest>("application/json")
            .Produces<CompareResponse>()
            .Expensive(expensiveTimeout);

        v1.MapPost("/frontier", async (HttpContext context, CancellationToken cancellationToken) =>
            Results.Json(service.Frontier(await JsonBody.ReadAsync(context.Request, json.FrontierRequest, maxBodyBytes).ConfigureAwait(false), cancellationToken), answers.FrontierResponse))
            .WithName("frontier")
            .WithSummary("Sweep batch sizes (and weight formats and device counts) and keep the Pareto-optimal points (tokencost frontier --json).")
            .Accepts<FrontierRequest>("application/json")
            .Produces<FrontierResponse>()
            .Expensive(expensiveTimeout);

        v1.MapPost("/optimize", async (HttpContext context, CancellationToken cancellationToken) =>
            Results.Json(service.Optimize(await JsonBody.ReadAsync(context.Request, json.OptimizeRequest, maxBodyBytes).ConfigureAwait(false), cancellationToken), answers.OptimizeResponse))
            .WithName("optimize")
            .WithSummary("Find the cheapest configuration across hardware, device count, weight format and batch that meets latency limits (tokencost optimize --json).")
            .Accepts<OptimizeRequest>("application/json")
            .Produces<OptimizeResponse>()
            .Expensive(expensiveTimeout);

        v1.MapPost("/curve", async (HttpContext context, CancellationToken cancellationToken) =>
            Results.Json(service.Curve(await JsonBody.ReadAsync(context.Request, json.CurveRequest, maxBodyBytes).ConfigureAwait(false), cancellationToken), answers.CurveResponse))
            .WithName("curve")
            .WithSummary("The interactivity–throughput curve under continuous batching: a closed-loop concurrency sweep with per-user speed, TTFT, TPOT, throughput per device, $/1M tokens, tokens/s per MW and Pareto flags (tokencost curve --json).")
            .Accepts<CurveRequest>("application/json")
            .Produces<CurveResponse>()
            .Expensive(expensiveTimeout);

        var hardware = ResponseMapper.Hardware(service.Catalog);
        var priceTiers = ResponseMapper.PriceTiers(service.Catalog);
        var models = ResponseMapper.Models(service.Catalog);
        var formats = ResponseMapper.Formats(service.Catalog);
        var stacks = ResponseMapper.Stacks(service.Catalog);
        v1.MapGet("/hardware", () => Results.Json(hardware, answers.IReadOnlyListHardwareEntry)).WithName("hardware").WithSummary("The hardware catalog (tokencost platforms --json).").Produces<IReadOnlyList<HardwareEntry>>();
        v1.MapGet("/models", () => Results.Json(models, answers.IReadOnlyListModelEntry)).WithName("models").WithSummary("The model catalog (tokencost models --json).").Produces<IReadOnlyList<ModelEntry>>();
        v1.MapGet("/formats", () => Results.Json(formats, answers.IReadOnlyListFormatEntry)).WithName("formats").WithSummary("The numeric formats (tokencost formats --json).").Produces<IReadOnlyList<FormatEntry>>();
        v1.MapGet("/price-tiers", () => Results.Json(priceTiers, answers.IReadOnlyListPriceTierEntry)).WithName("priceTiers").WithSummary("Dated rental price tiers of every platform (hyperscaler, neocloud, rental_3yr, retail), to pass as priceTier.").Produces<IReadOnlyList<PriceTierEntry>>();
        v1.MapGet("/stacks", () => Results.Json(stacks, answers.IReadOnlyListStackEntry)).WithName("stacks").WithSummary("The serving stacks and their efficiency profiles (tokencost stacks --json).").Produces<IReadOnlyList<StackEntry>>();

        var health = new HealthResponse { Status = "ok", CatalogVersion = service.Catalog.Version };
        app.MapGet("/healthz", () => Results.Json(health, json.HealthResponse)).WithName("health").WithSummary("Liveness: answers while the service runs.").Produces<HealthResponse>();
    }

    /// <summary>
    /// An endpoint filter that answers 504 problem+json when the work finished after the time limit: the request-timeout middleware
    /// cancels work that checks its token, this also covers work that finished between two checks (the answer would be late either way).
    /// </summary>
    /// <summary>
    /// The policies of an expensive endpoint (compare, frontier, optimize, curve): 400 validation problems, 503 when the
    /// rate limiter refuses, the request-timeout policy, the deadline filter that turns a late answer into 504, and the
    /// concurrency limiter.
    /// </summary>
    private static void Expensive(this RouteHandlerBuilder endpoint, TimeSpan timeout) => endpoint
        .ProducesValidationProblem()
        .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
        .WithRequestTimeout(ExpensivePolicy)
        .AddEndpointFilter(Deadline(timeout))
        .RequireRateLimiting(ExpensivePolicy);

    private static Func<EndpointFilterInvocationContext, EndpointFilterDelegate, ValueTask<object?>> Deadline(TimeSpan limit) => async (context, next) =>
    {
        var start = System.Diagnostics.Stopwatch.GetTimestamp();
        var result = await next(context).ConfigureAwait(false);
        return System.Diagnostics.Stopwatch.GetElapsedTime(start) > limit
            ? Results.Problem(
                statusCode: StatusCodes.Status504GatewayTimeout,
                title: "The request took longer than its time limit.",
                detail: FormattableString.Invariant($"Expensive requests are limited to {limit.TotalSeconds:G4} s; narrow the search (fewer hardware, device counts, formats or points)."))
            : result;
    };
}
