using System.Collections.Frozen;
using System.Reflection;
using TokenCost.Hardware;
using TokenCost.Internal;
using TokenCost.Models;
using TokenCost.Quantization;
using TokenCost.Serialization;
using TokenCost.Serving;

namespace TokenCost.Catalogs;

/// <summary>
/// The sourced catalog: hardware platforms, model architectures, numeric formats, serving stacks with their
/// efficiency profiles, and data-centre defaults. <see cref="Default"/> is the embedded, versioned catalog;
/// users layer their own JSON on top with <see cref="WithOverrides(string)"/>.
/// </summary>
/// <remarks>This type is immutable and thread-safe. Ids are compared ordinally, exactly as written in the source tables.</remarks>
public sealed partial class Catalog
{
    private static readonly Lazy<Catalog> EmbeddedCatalog = new(LoadEmbedded, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly FrozenDictionary<string, HardwarePlatform> _hardware;
    private readonly FrozenDictionary<string, ModelArchitecture> _models;
    private readonly FrozenDictionary<string, NumericFormat> _formats;
    private readonly FrozenDictionary<string, ServingStack> _stacks;

    private Catalog(
        string version,
        IEnumerable<HardwarePlatform> hardware,
        IEnumerable<ModelArchitecture> models,
        IEnumerable<NumericFormat> formats,
        IEnumerable<ServingStack> stacks,
        ServingProfiles profiles,
        DataCenterDefaults dataCenter)
    {
        Version = version;
        Hardware = hardware.ToList();
        Models = models.ToList();
        Formats = formats.ToList();
        Stacks = stacks.ToList();
        _hardware = Hardware.ToFrozenDictionary(h => h.Id, StringComparer.Ordinal);
        _models = Models.ToFrozenDictionary(m => m.Id, StringComparer.Ordinal);
        _formats = Formats.ToFrozenDictionary(f => f.Id, StringComparer.Ordinal);
        _stacks = Stacks.ToFrozenDictionary(s => s.Id, StringComparer.Ordinal);
        Profiles = profiles;
        DataCenter = dataCenter;
    }

    /// <summary>Gets the embedded catalog shipped with the package (loaded once, on first use).</summary>
    public static Catalog Default => EmbeddedCatalog.Value;

    /// <summary>Gets the catalog version (the date the data were built, <c>yyyy.MM.dd</c>).</summary>
    public string Version { get; }

    /// <summary>Gets the hardware platforms, in catalog order.</summary>
    public IReadOnlyList<HardwarePlatform> Hardware { get; }

    /// <summary>Gets the model architectures, in catalog order.</summary>
    public IReadOnlyList<ModelArchitecture> Models { get; }

    /// <summary>Gets the numeric formats.</summary>
    public IReadOnlyList<NumericFormat> Formats { get; }

    /// <summary>Gets the serving stacks.</summary>
    public IReadOnlyList<ServingStack> Stacks { get; }

    /// <summary>Gets the serving-stack efficiency profiles and the power model.</summary>
    public ServingProfiles Profiles { get; }

    /// <summary>Gets the data-centre defaults.</summary>
    public DataCenterDefaults DataCenter { get; }

    /// <summary>Gets a hardware platform by id.</summary>
    /// <param name="id">The id, for example <c>nvidia_h100_sxm</c>.</param>
    /// <returns>The platform.</returns>
    /// <exception cref="UnknownIdException">No platform has that id.</exception>
    public HardwarePlatform GetHardware(string id) => Get(_hardware, id, CatalogEntryKind.Hardware, nameof(id));

    /// <summary>Gets a model architecture by id.</summary>
    /// <param name="id">The id, for example <c>llama-2-70b</c>.</param>
    /// <returns>The model.</returns>
    /// <exception cref="UnknownIdException">No model has that id.</exception>
    public ModelArchitecture GetModel(string id) => Get(_models, id, CatalogEntryKind.Model, nameof(id));

    /// <summary>Gets a numeric format by id.</summary>
    /// <param name="id">The id, for example <c>int4</c>.</param>
    /// <returns>The format.</returns>
    /// <exception cref="UnknownIdException">No format has that id.</exception>
    public NumericFormat GetFormat(string id) => Get(_formats, id, CatalogEntryKind.Format, nameof(id));

    /// <summary>Gets a serving stack by id.</summary>
    /// <param name="id">The id, for example <c>vllm</c>.</param>
    /// <returns>The stack.</returns>
    /// <exception cref="UnknownIdException">No stack has that id.</exception>
    public ServingStack GetStack(string id) => Get(_stacks, id, CatalogEntryKind.ServingStack, nameof(id));

    /// <summary>Tries to get a hardware platform by id.</summary>
    /// <param name="id">The id.</param>
    /// <param name="hardware">The platform, when found.</param>
    /// <returns><see langword="true"/> when found.</returns>
    public bool TryGetHardware(string id, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out HardwarePlatform? hardware) => _hardware.TryGetValue(id ?? "", out hardware);

    /// <summary>Tries to get a model by id.</summary>
    /// <param name="id">The id.</param>
    /// <param name="model">The model, when found.</param>
    /// <returns><see langword="true"/> when found.</returns>
    public bool TryGetModel(string id, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out ModelArchitecture? model) => _models.TryGetValue(id ?? "", out model);

    /// <summary>Tries to get a numeric format by id.</summary>
    /// <param name="id">The id.</param>
    /// <param name="format">The format, when found.</param>
    /// <returns><see langword="true"/> when found.</returns>
    public bool TryGetFormat(string id, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out NumericFormat? format) => _formats.TryGetValue(id ?? "", out format);

    /// <summary>Tries to get a serving stack by id.</summary>
    /// <param name="id">The id.</param>
    /// <param name="stack">The stack, when found.</param>
    /// <returns><see langword="true"/> when found.</returns>
    public bool TryGetStack(string id, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out ServingStack? stack) => _stacks.TryGetValue(id ?? "", out stack);

    /// <summary>Returns this catalog with entries from a user's JSON file added or replaced (same id = replaced).</summary>
    /// <param name="path">A JSON file with any of the sections <c>hardware</c>, <c>models</c>, <c>formats</c>, <c>stacks</c>, in the embedded files' schema.</param>
    /// <returns>The combined catalog.</returns>
    /// <exception cref="CatalogException">The file is unreadable or invalid; the message names the file, line and key.</exception>
    public Catalog WithOverrides(string path)
    {
        Guard.NotEmpty(path);
        return JsonFiles.ReadFile(path, CatalogJsonContext.Default.OverrideFileDto, dto => WithOverrides(dto, path));
    }

    /// <summary>Returns this catalog with entries from a JSON stream added or replaced.</summary>
    /// <param name="json">The JSON stream.</param>
    /// <param name="sourceName">A name for error messages (a file name).</param>
    /// <returns>The combined catalog.</returns>
    /// <exception cref="CatalogException">The JSON is invalid.</exception>
    public Catalog WithOverrides(Stream json, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(json);
        Guard.NotEmpty(sourceName);
        return JsonFiles.Read(json, sourceName, CatalogJsonContext.Default.OverrideFileDto, dto => WithOverrides(dto, sourceName));
    }

    /// <summary>Returns this catalog with a model added, or replacing the one with the same id (for example one read by <see cref="Models.HuggingFaceConfigReader"/>).</summary>
    /// <param name="model">The model; it is validated.</param>
    /// <returns>The combined catalog.</returns>
    /// <exception cref="ArgumentException">The model breaks a rule of <see cref="ModelArchitecture.Validate"/>.</exception>
    public Catalog WithModel(ModelArchitecture model)
    {
        ArgumentNullException.ThrowIfNull(model);
        model.Validate();
        return new Catalog(Version + "+" + model.Id, Hardware, Merge(Models, [model], m => m.Id, model.Id, "models"), Formats, Stacks, Profiles, DataCenter);
    }

    /// <summary>Returns this catalog with other serving profiles (for example a calibration result).</summary>
    /// <param name="profiles">The profiles.</param>
    /// <returns>The catalog using them.</returns>
    public Catalog WithProfiles(ServingProfiles profiles)
    {
        ArgumentNullException.ThrowIfNull(profiles);
        return new Catalog(Version, Hardware, Models, Formats, Stacks, profiles, DataCenter);
    }

    /// <summary>Returns this catalog with other data-centre defaults.</summary>
    /// <param name="dataCenter">The defaults.</param>
    /// <returns>The catalog using them.</returns>
    public Catalog WithDataCenter(DataCenterDefaults dataCenter)
    {
        ArgumentNullException.ThrowIfNull(dataCenter);
        return new Catalog(Version, Hardware, Models, Formats, Stacks, Profiles, dataCenter);
    }

    private Catalog WithOverrides(OverrideFileDto dto, string file) => new(
        Version + "+" + Path.GetFileName(file),
        Merge(Hardware, dto.Hardware?.Select(h => KeepPriceTiers(CatalogMapper.ToHardware(h, file))), h => h.Id, file, "hardware"),
        Merge(Models, dto.Models?.Select(m => CatalogMapper.ToModel(m, file)), m => m.Id, file, "models"),
        Merge(Formats, dto.Formats?.Select(f => CatalogMapper.ToFormat(f, file)), f => f.Id, file, "formats"),
        Merge(Stacks, dto.Stacks?.Select(s => CatalogMapper.ToStack(s, file)), s => s.Id, file, "stacks"),
        Profiles,
        DataCenter);

    /// <summary>Adds or replaces entries by id in linear time; an id given twice in one file is an error (not "the last wins").</summary>
    private static List<T> Merge<T>(IReadOnlyList<T> existing, IEnumerable<T>? added, Func<T, string> id, string file, string section)
    {
        var result = existing.ToList();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < result.Count; i++)
        {
            index[id(result[i])] = i;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in added ?? [])
        {
            var key = id(item);
            if (!seen.Add(key))
            {
                throw new CatalogException(file, null, $"'{section}' lists the id '{key}' more than once; give each id once");
            }

            if (index.TryGetValue(key, out var i))
            {
                result[i] = item;
            }
            else
            {
                index[key] = result.Count;
                result.Add(item);
            }
        }

        return result;
    }

    private static T Get<T>(FrozenDictionary<string, T> map, string id, CatalogEntryKind kind, string parameter) =>
        id is not null && map.TryGetValue(id, out var value) ? value : throw new UnknownIdException(kind, id ?? "(null)", parameter, map.Keys.Order(StringComparer.Ordinal));

    private static Catalog LoadEmbedded()
    {
        var hw = ReadResource("hardware.json", CatalogJsonContext.Default.HardwareFileDto);
        var models = ReadResource("models.json", CatalogJsonContext.Default.ModelFileDto);
        var formats = ReadResource("formats.json", CatalogJsonContext.Default.FormatFileDto);
        var stacks = ReadResource("stacks.json", CatalogJsonContext.Default.StackFileDto);
        var dc = ReadResource("datacenter.json", CatalogJsonContext.Default.DataCenterFileDto);
        var profiles = ReadResource("profiles.json", CatalogJsonContext.Default.ProfilesFileDto);
        var tiers = ReadResource(PriceTierFile, PriceTierJsonContext.Default.PriceTierFileDto);
        return WithPriceTiers(tiers, new Catalog(
            hw.CatalogVersion ?? "unknown",
            (hw.Hardware ?? []).Select(h => CatalogMapper.ToHardware(h, "hardware.json")),
            (models.Models ?? []).Select(m => CatalogMapper.ToModel(m, "models.json")),
            (formats.Formats ?? []).Select(f => CatalogMapper.ToFormat(f, "formats.json")),
            (stacks.Stacks ?? []).Select(s => CatalogMapper.ToStack(s, "stacks.json")),
            CatalogMapper.ToProfiles(profiles, "profiles.json"),
            CatalogMapper.ToDataCenter(dc, "datacenter.json")));
    }

    private static T ReadResource<T>(string name, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> info)
        where T : class
    {
        using var stream = typeof(Catalog).Assembly.GetManifestResourceStream("TokenCost.Data." + name)
            ?? throw new CatalogException(name, null, "embedded resource is missing from the assembly");
        return JsonFiles.Read(stream, name, info);
    }
}
