using System.CommandLine;
using System.Globalization;
using TokenCost.Catalogs;
using TokenCost.Cli.Infrastructure;
using TokenCost.Costs;
using TokenCost.Economics.Curves;
using TokenCost.Estimation;
using TokenCost.Pricing;
using TokenCost.Serving.Layouts;
using TokenCost.Serving.Load;

namespace TokenCost.Cli.Commands;

/// <summary>The options of a closed-loop concurrency sweep under continuous batching, shared by <c>curve</c> and <c>chart curve</c>.</summary>
public sealed class CurveSweepOptions
{
    /// <summary>Gets the concurrency list option.</summary>
    public Option<string?> Concurrency { get; } = new("--concurrency") { Description = "Comma-separated closed-loop concurrencies (users served at once by the deployment)", DefaultValueFactory = _ => "4,8,16,32,64,128" };

    /// <summary>Gets the hardware list option.</summary>
    public Option<string?> SweepHardware { get; } = new("--sweep-hardware") { Description = "Comma-separated hardware ids to sweep as well (default: --hardware)" };

    /// <summary>Gets the tensor-parallel list option.</summary>
    public Option<string?> SweepTensorParallel { get; } = new("--sweep-devices", "--sweep-tp") { Description = "Comma-separated device counts to sweep, each one tensor-parallel replica on that many devices (for example 1,2,4,8; default: --devices/--tp; --sweep-tp is the old spelling)" };

    /// <summary>Gets the weight-format list option.</summary>
    public Option<string?> SweepWeights { get; } = new("--sweep-weights") { Description = "Comma-separated weight formats to sweep as well (for example bf16,fp8,int4; default: --weights)" };

    /// <summary>Gets the request-length spread option.</summary>
    public Option<double?> RangeRatio { get; } = new("--random-range-ratio") { Description = "Shortest request as a fraction of --input/--output, in (0, 1]: lengths uniform in [ratio × nominal, nominal] (benchmark_serving / InferenceX use 0.8; default 1)" };

    /// <summary>Gets the layout-search option: which MoE serving layouts are tried besides the given one.</summary>
    public Option<string?> LayoutSearch { get; } = new("--layout-search") { Description = "MoE serving layouts tried for each deployment (docs/economics.md, 'Layout search'): all = TP×EP and TP×EP with DP attention on the replica, plus disaggregated prefill/decode pools of 1–2 prefill and 1–8 decode such replicas (each pool in any of those layouts; of these only the points on their own speed–cost front are kept); replica = no disaggregation; none = the given layout only. Default all; --ep, --attention-dp and --disagg fix the layout. Dense models have one layout", DefaultValueFactory = _ => "all" };

    /// <summary>Adds the options to a command.</summary>
    /// <param name="command">The command.</param>
    public void AddTo(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        foreach (var o in new Option[] { Concurrency, SweepHardware, SweepTensorParallel, SweepWeights, RangeRatio, LayoutSearch })
        {
            command.Options.Add(o);
        }
    }

    /// <summary>Builds the configurations and runs the sweep.</summary>
    /// <param name="result">The parse result.</param>
    /// <param name="options">The deployment options (base deployment, workload, prices).</param>
    /// <param name="context">The pricing context (catalog, profiles, data-centre parameters, cost model) built from the options.</param>
    /// <returns>The curve, with at least one point, and every configuration left out (layouts that cannot be built, then those the sweep skipped).</returns>
    /// <exception cref="CliUsageException">An option is invalid, or no configuration can run and be priced.</exception>
    public (InteractivityCurve Curve, IReadOnlyList<string> Skipped) Run(ParseResult result, DeploymentOptions options, PricingContext context)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(context);
        var catalog = context.Catalog;
        var concurrencies = SweepLists.PositiveInts(result, Concurrency) ?? InteractivityCurve.DefaultConcurrencies;
        var ratio = OptionValues.Fraction(result, RangeRatio) ?? 1;
        var workload = options.ResolveWorkload(result);
        var model = result.GetValue(options.Model)!;
        if (!catalog.TryGetModel(model, out _))
        {
            throw new CliUsageException($"--model: unknown model '{model}' (see 'tokencost models').");
        }

        var hardwareIds = SweepLists.Ids(result, SweepHardware);
        var tps = SweepLists.PositiveInts(result, SweepTensorParallel);
        var weights = SweepLists.Ids(result, SweepWeights) ?? [result.GetValue(options.Weights)!];
        var configurations = new List<DeploymentConfiguration>();
        var skipped = new List<string>();
        var explicitLayout = result.GetValue(options.ExpertParallel) is not null || result.GetValue(options.AttentionDataParallel);
        var space = explicitLayout ? LayoutSpace.None : ParseLayoutSearch(result, LayoutSearch);
        var disaggregated = new List<DisaggregatedDeployment>();
        if (result.GetResult(options.Disaggregation) is not null && result.GetValue(options.Disaggregation) is not null)
        {
            if (tps is not null)
            {
                throw new CliUsageException("--disagg gives the pools' layouts; leave out --sweep-devices.");
            }

            foreach (var id in hardwareIds ?? [result.GetValue(options.Hardware)!])
            {
                foreach (var w in weights)
                {
                    disaggregated.Add(options.ResolveDisaggregation(result, catalog, id, w)!);
                }
            }
        }
        else if (hardwareIds is null && tps is null)
        {
            var baseConfig = options.ResolveConfiguration(result, catalog);
            foreach (var w in weights)
            {
                Add(() => w == baseConfig.Weights.Id ? baseConfig : DeploymentConfiguration.Create(catalog, model, baseConfig.Hardware.Id, w, result.GetValue(options.Activations), result.GetValue(options.KvCache), baseConfig.Stack.Id, baseConfig.Devices, baseConfig.TensorParallel, baseConfig.PipelineParallel), $"{baseConfig.Hardware.Id} {w}");
            }
        }
        else
        {
            var devices = OptionValues.PositiveInt(result, options.Devices);
            var pp = OptionValues.PositiveInt(result, options.PipelineParallel);
            var tp = OptionValues.PositiveInt(result, options.TensorParallel) ?? Math.Max(1, devices / pp);
            foreach (var id in hardwareIds ?? [result.GetValue(options.Hardware)!])
            {
                if (!catalog.TryGetHardware(id, out var hw))
                {
                    throw new CliUsageException($"--sweep-hardware: unknown hardware '{id}' (see 'tokencost platforms').");
                }

                options.CheckPriceTier(result, hw);
                foreach (var t in tps ?? [tp])
                {
                    foreach (var w in weights)
                    {
                        var (d, p) = tps is null ? (devices, pp) : (t, 1);
                        Add(() => DeploymentConfiguration.Create(catalog, model, id, w, result.GetValue(options.Activations), result.GetValue(options.KvCache), result.GetValue(options.Stack)!, d, t, p), string.Create(CultureInfo.InvariantCulture, $"{d} × {id} (TP {t}) {w}"));
                    }
                }
            }
        }

        if (configurations.Count + disaggregated.Count == 0)
        {
            throw new CliUsageException("no configuration can be built: " + string.Join("; ", skipped));
        }

        var deployments = configurations.Sum(c => (long)space.Replicas(c).Count + space.Disaggregations(c).Count) + disaggregated.Count;
        if (deployments * concurrencies.Count > InteractivityCurve.MaxPoints)
        {
            throw new CliUsageException(string.Create(CultureInfo.InvariantCulture, $"--concurrency × --sweep-hardware × --sweep-devices × --sweep-weights × --layout-search gives {deployments * concurrencies.Count} points ({deployments} deployments with their layouts), more than the limit of {InteractivityCurve.MaxPoints}; narrow the sweep (for example --layout-search replica)."));
        }

        var curve = InteractivityCurve.SweepLayouts(context, configurations, space, workload, concurrencies, ratio, disaggregated);
        if (curve.Points.Count == 0)
        {
            throw new CliUsageException("no configuration can run and be priced: " + string.Join("; ", skipped.Concat(curve.Skipped)));
        }

        return (curve, skipped.Concat(curve.Skipped).ToList());

        void Add(Func<DeploymentConfiguration> create, string label)
        {
            try
            {
                // An explicit --ep / --attention-dp fixes the layout; otherwise MoE models also try the layouts of --layout-search (SweepLayouts).
                var c = create();
                if (explicitLayout)
                {
                    c = c with { Layout = new ServingLayout { ExpertParallel = OptionValues.PositiveInt(result, options.ExpertParallel) ?? 1, AttentionDataParallel = result.GetValue(options.AttentionDataParallel) } };
                    c.Validate();
                }

                configurations.Add(c);
            }
            catch (UnknownIdException ex) when (ex.Kind == CatalogEntryKind.Format)
            {
                throw new CliUsageException($"--sweep-weights/--activations/--kv-cache: {ex.Message.Split(" (Parameter", 2)[0]}", ex);
            }
            catch (ArgumentException ex)
            {
                skipped.Add($"{label}: {ex.Message.Split(" (Parameter", 2)[0]}");
            }
        }
    }

    /// <summary>Reads a --layout-search option: all (<see cref="LayoutSpace.Default"/>), replica (<see cref="LayoutSpace.Replica"/>) or none (<see cref="LayoutSpace.None"/>).</summary>
    /// <param name="result">The parse result.</param>
    /// <param name="option">The option.</param>
    /// <returns>The layout space.</returns>
    /// <exception cref="CliUsageException">The value is none of the three.</exception>
    public static LayoutSpace ParseLayoutSearch(ParseResult result, Option<string?> option)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(option);
        var value = result.GetValue(option) ?? "all";
        return value.Trim().ToLowerInvariant() switch
        {
            "all" => LayoutSpace.Default,
            "replica" => LayoutSpace.Replica,
            "none" => LayoutSpace.None,
            _ => throw new CliUsageException($"{option.Name} must be all, replica or none; got '{value}'."),
        };
    }
}
