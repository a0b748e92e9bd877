using TokenCost.Catalogs;
using TokenCost.Comparisons;
using TokenCost.Costs;
using TokenCost.Economics.Curves;
using TokenCost.Economics.Frontier;
using TokenCost.Economics.Optimization;
using TokenCost.Estimation;
using TokenCost.Pricing;
using TokenCost.Quantities;
using TokenCost.Contracts;
using TokenCost.Server.Contracts;
using TokenCost.Server.Requests;
using TokenCost.Serving.Layouts;
using TokenCost.Serving.Load;

namespace TokenCost.Server.Endpoints;

/// <summary>
/// Answers each endpoint with the library: the same calls the CLI's commands make, on the service's catalog.
/// Stateless apart from the immutable pricing context, so results are identical under concurrent requests.
/// </summary>
/// <param name="context">The pricing context requests are priced with (a request's data-centre and price fields derive a context from it).</param>
internal sealed class PricingService(PricingContext context)
{
    /// <summary>Gets the pricing context.</summary>
    public PricingContext Context { get; } = context;

    /// <summary>Gets the catalog.</summary>
    public Catalog Catalog => Context.Catalog;

    /// <summary>The context of one request: its catalog (the service's, with the request's data-centre fields) and cost model.</summary>
    private PricingContext For(Catalog catalog, CostModel? costModel = null) => PricingContext.Create(catalog, costModel, Context.Quality);

    /// <summary>Estimates and prices one deployment under a load, as <c>tokencost estimate --load …</c> does (a disaggregated one as <c>--disagg</c> does).</summary>
    /// <param name="request">The request.</param>
    /// <returns>The response.</returns>
    public EstimateResponse Estimate(EstimateRequest request)
    {
        var catalog = DeploymentMapper.ResolveCatalog(Catalog, request);
        var configuration = DeploymentMapper.ResolveConfiguration(request, catalog);
        var workload = DeploymentMapper.ResolveWorkload(request.Batch, request.InputTokens, request.OutputTokens);
        var costModel = DeploymentMapper.ResolveCostModel(request);
        var load = DeploymentMapper.ResolveLoad(request.Load);
        var disaggregated = DeploymentMapper.ResolveDisaggregation(request, configuration, load);
        var pricing = For(catalog, costModel);
        var calculator = pricing.Calculator;
        return LibraryErrors.Translate(
            () =>
            {
                var loaded = disaggregated is null ? pricing.Price(configuration, workload, load) : pricing.Price(disaggregated, workload, load);
                // As the CLI does: under a continuous load the hourly cost uses the power of the loaded operating point.
                var report = load.Kind == LoadKind.Static ? calculator.Calculate(loaded.Estimate.Static)
                    : calculator.Calculate(loaded.Estimate.StaticAtAveragePower());
                return ResponseMapper.ToResponse(report, loaded);
            },
            request);
    }

    /// <summary>Prices one model on several platforms (the library's <see cref="PlatformComparison"/>), one platform at a time so that a cancelled request stops.</summary>
    /// <param name="request">The request.</param>
    /// <param name="cancellationToken">Cancels the work between platforms.</param>
    /// <returns>The response.</returns>
    public CompareResponse Compare(CompareRequest request, CancellationToken cancellationToken)
    {
        var catalog = DeploymentMapper.WithDataCenter(Catalog, request.ElectricityPrice, request.Pue);
        var model = Check.Id(request.Model, "model");
        LibraryErrors.Translate(() => catalog.GetModel(model));
        var weights = Check.Id(request.Weights, "weights");
        var stack = Check.Id(request.Stack, "stack");
        var workload = DeploymentMapper.ResolveWorkload(request.Batch, request.InputTokens, request.OutputTokens);
        var hardware = Check.List(request.SweepHardware, RequestLimits.MaxListEntries, "sweepHardware")
            ?? catalog.Hardware.Where(h => h.CloudPricePerDeviceHour is not null).Select(h => h.Id).ToArray();
        var reports = new List<TokenCostReport>();
        var skipped = new List<string>();
        foreach (var id in hardware)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!catalog.TryGetHardware(Check.Id(id, "sweepHardware"), out _))
            {
                throw new RequestValidationException("sweepHardware", $"sweepHardware must list known hardware ids (see GET /v1/hardware); got '{(id.Length <= 64 ? id : id[..64])}'.");
            }

            try
            {
                reports.AddRange(PlatformComparison.Create(For(catalog), model, [id], workload, weights, stack).Reports);
            }
            catch (Catalogs.UnknownIdException ex)
            {
                throw LibraryErrors.ToRequestError(ex);
            }
            catch (ArgumentException ex)
            {
                skipped.Add($"{id}: {LibraryErrors.ToRequestError(ex).Message}");
            }
        }

        var comparison = reports.Count > 0 ? new PlatformComparison(reports) : null;
        return new CompareResponse
        {
            Model = model,
            Cheapest = comparison?.Cheapest?.Estimate.Configuration.Hardware.Id,
            Rows = reports.Select(r => ResponseMapper.ToResponse(r, StaticLoaded(r, catalog))).ToArray(),
            Skipped = skipped,
        };
    }

    /// <summary>Prices a static estimate's operating point as a load (the static load), so that a compare row has the keys and meanings of an estimate.</summary>
    private LoadedCostReport StaticLoaded(TokenCostReport report, Catalog catalog)
    {
        var e = report.Estimate;
        return For(catalog).Price(e.Configuration, e.Workload with { Batch = e.Batch }, ServingLoad.Static);
    }

    /// <summary>Sweeps batches (and formats and device counts) as <c>tokencost frontier</c> does, one configuration at a time so that a cancelled request stops.</summary>
    /// <param name="request">The request.</param>
    /// <param name="cancellationToken">Cancels the work between configurations.</param>
    /// <returns>The response.</returns>
    public FrontierResponse Frontier(FrontierRequest request, CancellationToken cancellationToken)
    {
        var catalog = DeploymentMapper.ResolveCatalog(Catalog, request);
        var baseConfig = DeploymentMapper.ResolveConfiguration(request, catalog);
        var workload = DeploymentMapper.ResolveWorkload(1, request.InputTokens, request.OutputTokens);
        var axes = request.Axes is "latency-cost" or "throughput" ? request.Axes : throw new RequestValidationException("axes", "axes must be \"latency-cost\" or \"throughput\".");
        var weightIds = Check.List(request.SweepWeights, RequestLimits.MaxListEntries, "sweepWeights")?.Select(w => Check.Id(w, "sweepWeights")).ToArray() ?? [baseConfig.Weights.Id];
        foreach (var id in weightIds.Where(w => !catalog.TryGetFormat(w, out _)))
        {
            throw new RequestValidationException("sweepWeights", $"sweepWeights must list known format ids (see GET /v1/formats); got '{(id.Length <= 64 ? id : id[..64])}'.");
        }

        var deviceCounts = Check.List(request.SweepDevices, RequestLimits.MaxListEntries, "sweepDevices")?.Select(d => Check.Int(d, 1, RequestLimits.MaxSweepDevices, "sweepDevices")).ToArray();
        var pricing = For(catalog, DeploymentMapper.ResolveCostModel(request));
        var points = new List<FrontierPoint>();
        foreach (var weights in weightIds)
        {
            foreach (var devices in deviceCounts ?? [baseConfig.Devices])
            {
                cancellationToken.ThrowIfCancellationRequested();
                var configuration = deviceCounts is null && weights == baseConfig.Weights.Id
                    ? baseConfig
                    : DeploymentMapper.Complete(LibraryErrors.Translate(() => DeploymentConfiguration.Create(catalog, baseConfig.Model.Id, baseConfig.Hardware.Id, weights, request.Activations, request.KvCache, baseConfig.Stack.Id, deviceCounts is null ? baseConfig.Devices : devices, deviceCounts is null ? baseConfig.TensorParallel : devices, deviceCounts is null ? baseConfig.PipelineParallel : 1), request with { Weights = weights }), request, catalog);
                points.AddRange(LibraryErrors.Translate(() => LatencyCostFrontier.Evaluate(pricing, [configuration], workload), request));
            }
        }

        if (points.Count == 0)
        {
            throw new RequestValidationException("devices", $"no configuration fits: the weights of {baseConfig.Model.Id} do not fit on the devices swept; add devices or a smaller weight format.");
        }

        IReadOnlyList<FrontierPoint> shown = request.All ? points : axes == "throughput" ? LatencyCostFrontier.ParetoThroughput(points) : LatencyCostFrontier.ParetoLatencyCost(points);
        return new FrontierResponse { Axes = axes, Evaluated = points.Count, Points = shown.Select(ResponseMapper.ToResponse).ToArray() };
    }

    /// <summary>
    /// Sweeps closed-loop concurrency under continuous batching as <c>tokencost curve</c> does (the library's <see cref="InteractivityCurve"/>),
    /// one configuration at a time so that a cancelled request stops; the Pareto flags are then set over all points, as one sweep sets them.
    /// </summary>
    /// <param name="request">The request.</param>
    /// <param name="cancellationToken">Cancels the work between configurations.</param>
    /// <returns>The response.</returns>
    public CurveResponse Curve(CurveRequest request, CancellationToken cancellationToken)
    {
        var catalog = DeploymentMapper.ResolveCatalog(Catalog, request);
        var concurrencies = (Check.List(request.Concurrency, RequestLimits.MaxListEntries, "concurrency") ?? InteractivityCurve.DefaultConcurrencies)
            .Select(c => Check.Int(c, 1, RequestLimits.MaxConcurrency, "concurrency")).ToArray();
        var ratio = Check.Range(request.RandomRangeRatio, 0, false, 1, "randomRangeRatio") ?? 1;
        var workload = DeploymentMapper.ResolveWorkload(1, request.InputTokens, request.OutputTokens);
        var model = Check.Id(request.Model, "model");
        LibraryErrors.Translate(() => catalog.GetModel(model));
        var hardwareIds = Check.List(request.SweepHardware, RequestLimits.MaxListEntries, "sweepHardware")?.Select(h => Check.Id(h, "sweepHardware")).ToArray();
        var tps = Check.List(request.SweepDevices, RequestLimits.MaxListEntries, "sweepDevices")?.Select(t => Check.Int(t, 1, RequestLimits.MaxSweepDevices, "sweepDevices")).ToArray();
        var weights = Check.List(request.SweepWeights, RequestLimits.MaxListEntries, "sweepWeights")?.Select(w => Check.Id(w, "sweepWeights")).ToArray() ?? [Check.Id(request.Weights, "weights")];
        foreach (var id in weights.Where(w => !catalog.TryGetFormat(w, out _)))
        {
            var field = request.SweepWeights is null ? "weights" : "sweepWeights";
            throw new RequestValidationException(field, $"{field} must name known format ids (see GET /v1/formats); got '{(id.Length <= 64 ? id : id[..64])}'.");
        }

        var configurations = new List<DeploymentConfiguration>();
        var skipped = new List<string>();
        if (hardwareIds is null && tps is null)
        {
            var baseConfig = DeploymentMapper.ResolveConfiguration(request, catalog);
            foreach (var w in weights)
            {
                Add(() => w == baseConfig.Weights.Id ? baseConfig : DeploymentMapper.Complete(DeploymentConfiguration.Create(catalog, model, baseConfig.Hardware.Id, w, request.Activations, request.KvCache, baseConfig.Stack.Id, baseConfig.Devices, baseConfig.TensorParallel, baseConfig.PipelineParallel), request, catalog), $"{baseConfig.Hardware.Id} {w}");
            }
        }
        else
        {
            var devices = Check.Int(request.Devices, 1, RequestLimits.MaxDevices, "devices");
            var pp = Check.Int(request.PipelineParallel, 1, RequestLimits.MaxDevices, "pipelineParallel");
            var tp = Check.Int(request.TensorParallel, 1, RequestLimits.MaxDevices, "tensorParallel") ?? Math.Max(1, devices / pp);
            var stack = Check.Id(request.Stack, "stack");
            LibraryErrors.Translate(() => catalog.GetStack(stack));
            foreach (var id in hardwareIds ?? [Check.Id(request.Hardware, "hardware")])
            {
                if (!catalog.TryGetHardware(id, out var hw))
                {
                    var field = hardwareIds is null ? "hardware" : "sweepHardware";
                    throw new RequestValidationException(field, $"{field} must name known hardware ids (see GET /v1/hardware); got '{(id.Length <= 64 ? id : id[..64])}'.");
                }

                DeploymentMapper.CheckPriceTier(request, hw);
                foreach (var t in tps ?? [tp])
                {
                    foreach (var w in weights)
                    {
                        var (d, p) = tps is null ? (devices, pp) : (t, 1);
                        Add(() => DeploymentMapper.Complete(DeploymentConfiguration.Create(catalog, model, id, w, request.Activations, request.KvCache, stack, d, t, p), request, catalog), FormattableString.Invariant($"{d} × {id} (TP {t}) {w}"));
                    }
                }
            }
        }

        if (configurations.Count == 0)
        {
            throw new RequestValidationException("request", "no configuration can be built: " + string.Join("; ", skipped));
        }

        var space = DeploymentMapper.FixesLayout(request) ? LayoutSpace.None : request.LayoutSearch?.Trim().ToLowerInvariant() switch
        {
            null or "all" => LayoutSpace.Default,
            "replica" => LayoutSpace.Replica,
            "none" => LayoutSpace.None,
            _ => throw new RequestValidationException("layoutSearch", "layoutSearch must be \"all\", \"replica\" or \"none\"."),
        };
        var deployments = configurations.Sum(c => (long)space.Replicas(c).Count + space.Disaggregations(c).Count);
        if (deployments * concurrencies.Length > RequestLimits.MaxCurvePoints)
        {
            throw new RequestValidationException("concurrency", FormattableString.Invariant($"concurrency × sweepHardware × sweepDevices × sweepWeights × layoutSearch gives {deployments * concurrencies.Length} points ({deployments} deployments with their layouts), more than the service's limit of {RequestLimits.MaxCurvePoints}; narrow the sweep (for example layoutSearch \"replica\")."));
        }

        var pricing = For(catalog, DeploymentMapper.ResolveCostModel(request));
        var points = new List<CurvePoint>();
        foreach (var configuration in configurations)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var part = LibraryErrors.Translate(() => InteractivityCurve.SweepLayouts(pricing, [configuration], space, workload, concurrencies, ratio), request);
            points.AddRange(part.Points);
            skipped.AddRange(part.Skipped);
        }

        if (points.Count == 0)
        {
            throw new RequestValidationException("request", "no configuration can run and be priced: " + string.Join("; ", skipped));
        }

        var flagged = InteractivityCurve.Flag(points);
        var shown = request.Front
            ? flagged.Where(p => p.OnParetoFront).OrderBy(p => p.Configuration.Hardware.Id, StringComparer.Ordinal).ThenByDescending(p => p.OutputTokensPerSecondPerUser).ToList()
            : flagged;
        return new CurveResponse
        {
            Model = model,
            InputTokens = workload.InputTokens,
            OutputTokens = workload.OutputTokens,
            Load = CurveDescriptions.Load,
            PriceTier = request.PriceTier,
            FacilityPower = CurveDescriptions.FacilityPower,
            ParetoFront = CurveDescriptions.ParetoFront,
            Points = shown.Select(ResponseMapper.ToResponse).ToArray(),
            Skipped = skipped,
        };

        void Add(Func<DeploymentConfiguration> create, string label)
        {
            try
            {
                configurations.Add(create());
            }
            catch (Catalogs.UnknownIdException ex)
            {
                throw LibraryErrors.ToRequestError(ex, request);
            }
            catch (ArgumentException ex)
            {
                skipped.Add($"{label}: {LibraryErrors.ToRequestError(ex, request).Message}");
            }
        }
    }

    /// <summary>
    /// Finds the cheapest configuration as <c>tokencost optimize</c> does: the library's optimizer run one platform at a time (so that a cancelled
    /// request stops), the answers merged with the optimizer's own ordering (cost, then TPOT; ties keep the platform order).
    /// </summary>
    /// <param name="request">The request.</param>
    /// <param name="cancellationToken">Cancels the work between platforms.</param>
    /// <returns>The response.</returns>
    public OptimizeResponse Optimize(OptimizeRequest request, CancellationToken cancellationToken)
    {
        var catalog = DeploymentMapper.WithDataCenter(Catalog, request.ElectricityPrice, request.Pue);
        var model = Check.Id(request.Model, "model");
        LibraryErrors.Translate(() => catalog.GetModel(model));
        var tpot = request.MaxTimePerOutputTokenMs ?? throw new RequestValidationException("maxTimePerOutputTokenMs", "maxTimePerOutputTokenMs is required: the largest acceptable time per output token, a number > 0 in ms.");
        var objective = new ServiceLevelObjective
        {
            MaxTimePerOutputToken = TimeInterval.FromMilliseconds(Check.NonNegative(tpot, "maxTimePerOutputTokenMs", allowZero: false)!.Value),
            MaxTimeToFirstToken = Check.NonNegative(request.MaxTimeToFirstTokenMs, "maxTimeToFirstTokenMs", allowZero: false) is double t ? TimeInterval.FromMilliseconds(t) : null,
            MinQuality = Check.Range(request.MinQuality, 0, true, 1, "minQuality"),
        };
        var workload = DeploymentMapper.ResolveWorkload(1, request.InputTokens, request.OutputTokens);
        var hardware = Check.List(request.SweepHardware, RequestLimits.MaxListEntries, "sweepHardware")?.Select(h => Check.Id(h, "sweepHardware")).ToArray()
            ?? catalog.Hardware.Select(h => h.Id).ToArray();
        var deviceCounts = Check.List(request.SweepDevices, RequestLimits.MaxListEntries, "sweepDevices")!.Select(d => Check.Int(d, 1, RequestLimits.MaxSweepDevices, "sweepDevices")).ToArray();
        var formats = Check.List(request.SweepWeights, RequestLimits.MaxListEntries, "sweepWeights")!.Select(f => Check.Id(f, "sweepWeights")).ToArray();
        foreach (var id in formats.Where(f => !catalog.TryGetFormat(f, out _)))
        {
            throw new RequestValidationException("sweepWeights", $"sweepWeights must list known format ids (see GET /v1/formats); got '{(id.Length <= 64 ? id : id[..64])}'.");
        }

        var stack = Check.Id(request.Stack, "stack");
        LibraryErrors.Translate(() => catalog.GetStack(stack));
        var pricing = For(catalog);
        var parts = new List<OptimizationResult>();
        foreach (var id in hardware)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!catalog.TryGetHardware(id, out _))
            {
                throw new RequestValidationException("sweepHardware", $"sweepHardware must list known hardware ids (see GET /v1/hardware); got '{(id.Length <= 64 ? id : id[..64])}'.");
            }

            var space = new OptimizerSearchSpace { Hardware = [id], DeviceCounts = deviceCounts, WeightFormats = formats, Stack = stack };
            parts.Add(LibraryErrors.Translate(() => DeploymentOptimizer.Optimize(pricing, model, workload, objective, space)));
        }

        // An answer computed past the request's deadline is not sent: the client has been told (or is about to be told) 504.
        cancellationToken.ThrowIfCancellationRequested();

        var best = parts.Select(p => p.Best).OfType<FrontierPoint>().OrderBy(p => p.CostPerMillionOutputTokens.Usd).ThenBy(p => p.TimePerOutputToken.Seconds).FirstOrDefault();
        var fastest = parts.Select(p => p.Fastest).OfType<FrontierPoint>().OrderBy(p => p.TimePerOutputToken.Seconds).FirstOrDefault();
        return new OptimizeResponse
        {
            Feasible = best is not null,
            Model = model,
            Best = best is null ? null : ResponseMapper.ToResponse(best),
            Objective = new ObjectiveResponse
            {
                MaxTimePerOutputTokenMs = objective.MaxTimePerOutputToken.Milliseconds,
                MaxTimeToFirstTokenMs = objective.MaxTimeToFirstToken?.Milliseconds,
                MinQuality = objective.MinQuality,
                InputTokens = workload.InputTokens,
                OutputTokens = workload.OutputTokens,
            },
            Evaluated = parts.Sum(p => p.Evaluated),
            FeasibleCount = parts.Sum(p => p.FeasibleCount),
            Fastest = best is null && fastest is not null ? ResponseMapper.ToResponse(fastest) : null,
            Skipped = parts.SelectMany(p => p.Skipped).ToArray(),
        };
    }
}
