using System.Text.Json;
using TokenCost.Catalogs;
using TokenCost.Serialization;

namespace TokenCost.Audit;

/// <summary>Maps claim DTOs to <see cref="Claim"/>s and the vocabulary words to enums, checking required fields.</summary>
internal static class ClaimMapper
{
    /// <summary>The largest magnitude of any number in a claim: 10^15.</summary>
    private const double MaxMagnitude = 1e15;

    /// <summary>The smallest positive figure a claim of a physical quantity may state: 10^-9 (a subnormal figure would make every ratio against it infinite).</summary>
    private const double MinPositive = 1e-9;

    public static readonly IReadOnlyList<string> VerdictWords = ["consistent", "optimistic", "infeasible", "inconsistent", "unverifiable"];

    private static readonly IReadOnlyList<string> KindWords = ["latency", "throughput", "token_cost", "fits", "ratio", "spec", "arithmetic", "power"];

    public static string Word(ClaimVerdict verdict) => VerdictWords[(int)verdict];

    public static string Word(ClaimKind kind) => KindWords[(int)kind];

    public static bool TryParseVerdict(string word, out ClaimVerdict verdict)
    {
        for (var i = 0; i < VerdictWords.Count; i++)
        {
            if (string.Equals(VerdictWords[i], word, StringComparison.Ordinal))
            {
                verdict = (ClaimVerdict)i;
                return true;
            }
        }

        verdict = default;
        return false;
    }

    public static string DefaultMeaning(ClaimVerdict verdict) => verdict switch
    {
        ClaimVerdict.Consistent => "the claim is within what physics and the model allow",
        ClaimVerdict.Optimistic => "the claim beats a hard physical bound",
        ClaimVerdict.Infeasible => "the configuration as stated cannot run",
        ClaimVerdict.Inconsistent => "the claim's own arithmetic, or its spec figures, do not match",
        _ => "not enough is stated; the audit names the assumption that would make it consistent",
    };

    public static Claim ToClaim(ClaimDto dto, string file, long? line, int index)
    {
        var where = dto.Id is { Length: > 0 } id ? $"claim '{id}'" : $"claims[{index}]";
        var claimId = Required(dto.Id, "id");
        var kindWord = Required(dto.Kind, "kind");
        var kindIndex = KindWords.ToList().IndexOf(kindWord);
        if (kindIndex < 0)
        {
            throw new ClaimFileException(file, line, $"{where}: unknown kind '{kindWord}'; expected one of {string.Join(", ", KindWords)}");
        }

        var kind = (ClaimKind)kindIndex;
        var metric = Required(dto.Metric, "metric");
        double? number = null;
        bool? flag = null;
        switch (dto.Claimed.ValueKind)
        {
            case JsonValueKind.Number:
                number = dto.Claimed.GetDouble();
                if (!double.IsFinite(number.Value))
                {
                    throw new ClaimFileException(file, line, $"{where}: 'claimed' must be a finite number");
                }

                break;
            case JsonValueKind.True:
            case JsonValueKind.False:
                flag = dto.Claimed.GetBoolean();
                break;
            default:
                throw new ClaimFileException(file, line, $"{where}: 'claimed' must be a number or true/false; got {dto.Claimed.ValueKind.ToString().ToLowerInvariant()}");
        }

        if (kind == ClaimKind.Fits ? flag is null : number is null)
        {
            throw new ClaimFileException(file, line, $"{where}: 'claimed' must be {(kind == ClaimKind.Fits ? "true or false" : "a number")} for kind '{kindWord}'");
        }

        // Physical quantities are positive, and no figure an article states comes near 10^15: bounding the inputs keeps every product finite.
        if (number is double n && (Math.Abs(n) > MaxMagnitude || (n < MinPositive && kind is ClaimKind.Latency or ClaimKind.Throughput or ClaimKind.TokenCost or ClaimKind.Power or ClaimKind.Spec or ClaimKind.Ratio)))
        {
            throw new ClaimFileException(file, line, Math.Abs(n) > MaxMagnitude
                ? $"{where}: 'claimed' must be at most 1e15 in magnitude"
                : $"{where}: 'claimed' must be a number ≥ 1e-9 for kind '{kindWord}' (a time, rate, price, power or ratio is positive)");
        }

        CheckNonNegative(dto.TokensPerDay, "tokens_per_day");
        CheckNonNegative(dto.UsdPerMillionTokens, "usd_per_million_tokens");
        CheckNonNegative(dto.UsdPerMillionTokensFrom, "usd_per_million_tokens_from");
        CheckNonNegative(dto.UsdPerMillionTokensTo, "usd_per_million_tokens_to");
        CheckNonNegative(dto.BaselineUsdPerMillionTokens, "baseline_usd_per_million_tokens");
        CheckNonNegative(dto.FromValue, "from_value");
        CheckNonNegative(dto.ToValue, "to_value");
        if (dto.Devices is <= 0 || dto.Batch is <= 0 || dto.Instances is <= 0)
        {
            throw new ClaimFileException(file, line, $"{where}: 'devices', 'batch' and 'instances' must be ≥ 1 when given");
        }

        return new Claim
        {
            Id = claimId,
            Quote = dto.Quote ?? "",
            Kind = kind,
            Metric = metric,
            Claimed = number,
            ClaimedFlag = flag,
            Model = dto.Model,
            Hardware = dto.Hardware,
            BaselineHardware = dto.BaselineHardware,
            Devices = dto.Devices,
            Weights = dto.Weights,
            WeightsFrom = dto.WeightsFrom,
            WeightsTo = dto.WeightsTo,
            Batch = dto.Batch,
            TokensPerDay = dto.TokensPerDay,
            UsdPerMillionTokens = dto.UsdPerMillionTokens,
            UsdPerMillionTokensFrom = dto.UsdPerMillionTokensFrom,
            UsdPerMillionTokensTo = dto.UsdPerMillionTokensTo,
            BaselineUsdPerMillionTokens = dto.BaselineUsdPerMillionTokens,
            Instances = dto.Instances,
            FromValue = dto.FromValue,
            FromYear = dto.FromYear,
            ToValue = dto.ToValue,
            ToYear = dto.ToYear,
            Line = line,
        };

        string Required(string? value, string key) =>
            string.IsNullOrWhiteSpace(value) ? throw new ClaimFileException(file, line, $"{where}: missing or empty '{key}'") : value;

        void CheckNonNegative(double? value, string key)
        {
            if (value is double v && (!double.IsFinite(v) || v < 0 || v > MaxMagnitude))
            {
                throw new ClaimFileException(file, line, $"{where}: '{key}' must be a finite number from 0 to 1e15");
            }
        }
    }
}
