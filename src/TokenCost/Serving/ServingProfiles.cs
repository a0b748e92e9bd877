using System.Text.Json;
using TokenCost.Catalogs;
using TokenCost.Internal;
using TokenCost.Serialization;

namespace TokenCost.Serving;

/// <summary>
/// The efficiency profile of each serving stack, per-hardware bandwidth adjustments where measurements demand them,
/// and the power model: everything the estimator takes from calibration.
/// </summary>
/// <remarks>This type is immutable and thread-safe. The shipped set is <c>Data/profiles.json</c>, produced by the command in <see cref="Provenance"/>.</remarks>
public sealed record ServingProfiles
{
    /// <summary>Gets the profile used for stacks without one of their own (and for the <c>unknown</c> stack).</summary>
    public EfficiencyProfile Defaults { get; init; } = new();

    /// <summary>Gets the profiles by stack id.</summary>
    public IReadOnlyDictionary<string, EfficiencyProfile> Stacks { get; init; } = new Dictionary<string, EfficiencyProfile>();

    /// <summary>Gets multipliers on a stack's bandwidth efficiency by hardware id (a missing key means 1).</summary>
    /// <exception cref="ArgumentOutOfRangeException">A factor is NaN, infinite, zero or negative.</exception>
    public IReadOnlyDictionary<string, double> HardwareBandwidthFactors { get => field; init => field = Guard.PositiveFactors(value, nameof(HardwareBandwidthFactors)); } = new Dictionary<string, double>();

    /// <summary>Gets the accelerator power model.</summary>
    public PowerModel Power { get; init; } = new();

    /// <summary>Gets how this set was produced (the calibration command and case file), or "defaults".</summary>
    public string Provenance { get; init; } = "defaults";

    /// <summary>Gets the profile for a stack on a hardware platform: the stack's own (or <see cref="Defaults"/>) with the hardware's bandwidth factor applied.</summary>
    /// <param name="stackId">The serving stack id.</param>
    /// <param name="hardwareId">The hardware id.</param>
    /// <returns>The effective profile.</returns>
    public EfficiencyProfile For(string stackId, string hardwareId)
    {
        Guard.NotEmpty(stackId);
        Guard.NotEmpty(hardwareId);
        var profile = Stacks.TryGetValue(stackId, out var p) ? p : Defaults;
        return HardwareBandwidthFactors.TryGetValue(hardwareId, out var factor)
            ? profile with { BandwidthEfficiency = Math.Clamp(profile.BandwidthEfficiency * factor, 1e-6, 1.0) }
            : profile;
    }

    /// <summary>Reads a profile set from a JSON file (the format <c>tokencost calibrate</c> writes).</summary>
    /// <param name="path">The file.</param>
    /// <returns>The profiles.</returns>
    /// <exception cref="CatalogException">The file is unreadable or invalid; the message names the file, line and key.</exception>
    public static ServingProfiles Load(string path)
    {
        Guard.NotEmpty(path);
        return JsonFiles.ReadFile(path, CatalogJsonContext.Default.ProfilesFileDto, dto => CatalogMapper.ToProfiles(dto, path));
    }

    /// <summary>Parses a profile set from JSON text.</summary>
    /// <param name="json">The JSON text.</param>
    /// <param name="sourceName">A name for error messages.</param>
    /// <returns>The profiles.</returns>
    /// <exception cref="CatalogException">The JSON is invalid.</exception>
    public static ServingProfiles Parse(string json, string sourceName = "profiles")
    {
        ArgumentNullException.ThrowIfNull(json);
        return JsonFiles.Parse(System.Text.Encoding.UTF8.GetBytes(json), sourceName, CatalogJsonContext.Default.ProfilesFileDto, dto => CatalogMapper.ToProfiles(dto, sourceName));
    }

    /// <summary>Writes this profile set as indented JSON; <see cref="Parse"/> reads it back to an equal set (doubles round-trip exactly).</summary>
    /// <returns>The JSON text.</returns>
    public string ToJson() => JsonSerializer.Serialize(CatalogMapper.FromProfiles(this), CatalogJsonContext.Default.ProfilesFileDto);
}
