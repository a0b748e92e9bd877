using System.CommandLine;
using TokenCost.Cli.Infrastructure;
using TokenCost.Serving.Load;

namespace TokenCost.Cli.Commands;

/// <summary>The <c>--load</c>, <c>--concurrency</c> and <c>--rate</c> options: how requests reach the deployment.</summary>
public sealed class LoadOptions
{
    /// <summary>Gets the <c>--load</c> option.</summary>
    public Option<string> Load { get; } = new("--load")
    {
        Description = "How requests arrive: static (one batch runs to completion; default), closed (--concurrency clients), offline (all at once) or poisson (--rate requests/s)",
        DefaultValueFactory = _ => "static",
    };

    /// <summary>Gets the <c>--concurrency</c> option.</summary>
    public Option<int?> Concurrency { get; } = new("--concurrency") { Description = "Closed-loop clients for the whole deployment (with --load closed)" };

    /// <summary>Gets the <c>--rate</c> option.</summary>
    public Option<double?> Rate { get; } = new("--rate") { Description = "Poisson arrivals in requests/s for the whole deployment (with --load poisson)" };

    /// <summary>Adds the options to a command.</summary>
    /// <param name="command">The command.</param>
    public void AddTo(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        command.Options.Add(Load);
        command.Options.Add(Concurrency);
        command.Options.Add(Rate);
    }

    /// <summary>Reads the load, checking that each kind has the value it needs.</summary>
    /// <param name="result">The parse result.</param>
    /// <returns>The load.</returns>
    /// <exception cref="CliUsageException">An option is missing, invalid or does not belong to the chosen kind.</exception>
    public ServingLoad Resolve(ParseResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var kind = result.GetValue(Load);
        var concurrency = OptionValues.PositiveInt(result, Concurrency);
        var rate = OptionValues.Number(result, Rate);
        if (concurrency is not null && kind != "closed")
        {
            throw new CliUsageException($"{Concurrency.Name} is only used with --load closed; got --load {kind}.");
        }

        if (rate is not null && kind != "poisson")
        {
            throw new CliUsageException($"{Rate.Name} is only used with --load poisson; got --load {kind}.");
        }

        return kind switch
        {
            "static" => ServingLoad.Static,
            "offline" => ServingLoad.Offline,
            "closed" => ServingLoad.Closed(concurrency ?? throw new CliUsageException("--load closed needs --concurrency N (clients, ≥ 1).")),
            "poisson" => ServingLoad.Poisson(rate ?? throw new CliUsageException("--load poisson needs --rate R (requests/s, > 0).")),
            _ => throw new CliUsageException($"{Load.Name} must be static, closed, offline or poisson; got '{kind}'."),
        };
    }
}
