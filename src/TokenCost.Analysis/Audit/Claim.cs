namespace TokenCost.Audit;

/// <summary>
/// One quantitative claim of an article, structured for auditing: what it asserts (<see cref="Kind"/>, <see cref="Metric"/>,
/// <see cref="Claimed"/>) and the configuration it is about. Fields the article leaves open are null; the audit states the assumption it uses.
/// </summary>
/// <remarks>This type is immutable and thread-safe. Ids of models, hardware and formats refer to the TokenCost catalog.</remarks>
public sealed record Claim
{
    /// <summary>Gets the claim id (unique within its file).</summary>
    public required string Id { get; init; }

    /// <summary>Gets the article's own words.</summary>
    public string Quote { get; init; } = "";

    /// <summary>Gets the kind of claim.</summary>
    public required ClaimKind Kind { get; init; }

    /// <summary>Gets the metric the claimed value is expressed in, for example <c>time_per_output_token_ms</c> or <c>usd_per_day</c>.</summary>
    public required string Metric { get; init; }

    /// <summary>Gets the claimed number in the metric's unit, or null when the claim is a yes/no statement (see <see cref="ClaimedFlag"/>).</summary>
    public double? Claimed { get; init; }

    /// <summary>Gets the claimed yes/no value (for <c>fits</c> claims), or null when the claim is a number.</summary>
    public bool? ClaimedFlag { get; init; }

    /// <summary>Gets the model id, or null when the claim names none.</summary>
    public string? Model { get; init; }

    /// <summary>Gets the hardware id, or null when the claim names none.</summary>
    public string? Hardware { get; init; }

    /// <summary>Gets the hardware id of the baseline a comparison is made against, or null.</summary>
    public string? BaselineHardware { get; init; }

    /// <summary>Gets the number of devices, or null when not stated.</summary>
    public int? Devices { get; init; }

    /// <summary>Gets the weight format id, or null when not stated.</summary>
    public string? Weights { get; init; }

    /// <summary>Gets the weight format a comparison starts from, or null.</summary>
    public string? WeightsFrom { get; init; }

    /// <summary>Gets the weight format a comparison goes to, or null.</summary>
    public string? WeightsTo { get; init; }

    /// <summary>Gets the number of concurrent sequences per replica, or null when not stated.</summary>
    public int? Batch { get; init; }

    /// <summary>Gets the tokens generated per day (arithmetic claims), or null.</summary>
    public double? TokensPerDay { get; init; }

    /// <summary>Gets a price in USD per million tokens (arithmetic claims), or null.</summary>
    public double? UsdPerMillionTokens { get; init; }

    /// <summary>Gets the price in USD per million tokens before a change, or null.</summary>
    public double? UsdPerMillionTokensFrom { get; init; }

    /// <summary>Gets the price in USD per million tokens after a change, or null.</summary>
    public double? UsdPerMillionTokensTo { get; init; }

    /// <summary>Gets the baseline price in USD per million tokens of a relative difference, or null.</summary>
    public double? BaselineUsdPerMillionTokens { get; init; }

    /// <summary>Gets the number of instances a saving is multiplied by, or null.</summary>
    public int? Instances { get; init; }

    /// <summary>Gets the starting value of a growth claim (in the claim's unit), or null.</summary>
    public double? FromValue { get; init; }

    /// <summary>Gets the starting year of a growth claim, or null.</summary>
    public int? FromYear { get; init; }

    /// <summary>Gets the final value of a growth claim (in the claim's unit), or null.</summary>
    public double? ToValue { get; init; }

    /// <summary>Gets the final year of a growth claim, or null.</summary>
    public int? ToYear { get; init; }

    /// <summary>Gets the 1-based line of the claim in its file, when it was read from one.</summary>
    public long? Line { get; init; }
}
