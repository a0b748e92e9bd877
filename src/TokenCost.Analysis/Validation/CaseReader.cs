using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using TokenCost.Catalogs;
using TokenCost.Internal;
using TokenCost.Serialization;
using TokenCost.Serving.Load;

namespace TokenCost.Validation;

/// <summary>
/// Reads validation case files (JSON Lines) strictly: every line must be an object with exactly the 18 keys in order,
/// typed values, hardware, format and stack ids known to the catalog, metric and tag vocabularies as documented. A model id the catalog
/// does not know is kept (cases may use models_modern.csv ids): predicting such a case gives a per-case error. The first invalid line throws a
/// <see cref="CaseFileException"/> naming the file, the line number and the key.
/// </summary>
/// <remarks>This type is stateless and thread-safe.</remarks>
public static partial class CaseReader
{
    /// <summary>The keys of a case line, in their required order.</summary>
    public static readonly IReadOnlyList<string> Keys =
    [
        "id", "model", "hardware", "devices", "tensor_parallel", "pipeline_parallel", "weights", "activations", "kv_cache",
        "serving_stack", "batch", "input_tokens", "output_tokens", "speculative", "metric", "value", "source", "notes",
    ];

    private static readonly string[] SpeculativeKeys = ["draft_model", "draft_tokens", "acceptance_rate"];
    private static readonly JsonDocumentOptions DocumentOptions = new() { AllowDuplicateProperties = false, MaxDepth = 4, CommentHandling = JsonCommentHandling.Disallow };

    /// <summary>The largest case file accepted: 64 MB.</summary>
    public const long MaxBytes = 64_000_000;

    /// <summary>Reads a case file.</summary>
    /// <param name="path">The <c>.jsonl</c> file.</param>
    /// <param name="catalog">The catalog that resolves model, hardware, format and stack ids (for example a <see cref="Pricing.PricingContext"/>'s).</param>
    /// <returns>The cases, in file order.</returns>
    /// <exception cref="CaseFileException">The file is unreadable or a line is invalid; the message names the file, line and key.</exception>
    public static IReadOnlyList<ValidationCase> ReadFile(string path, Catalog catalog)
    {
        Guard.NotEmpty(path);

        // Streamed through the bounded reader: it counts the bytes actually read (pipes and /dev/zero report no length).
        return ParseLines(InputFile.ReadLines(path, MaxBytes, (file, line, message, inner) => new CaseFileException(file, line, message, inner)), path, Guard.NotNull(catalog));
    }

    /// <summary>Parses case lines from text.</summary>
    /// <param name="text">The JSON Lines text (one object per line, no blank lines; a final newline is allowed).</param>
    /// <param name="catalog">The catalog that resolves ids (for example a <see cref="Pricing.PricingContext"/>'s).</param>
    /// <param name="sourceName">A file name for error messages.</param>
    /// <returns>The cases, in order.</returns>
    /// <exception cref="CaseFileException">A line is invalid.</exception>
    public static IReadOnlyList<ValidationCase> Parse(string text, Catalog catalog, string sourceName = "cases")
    {
        ArgumentNullException.ThrowIfNull(text);
        Guard.NotEmpty(sourceName);
        ArgumentNullException.ThrowIfNull(catalog);
        var lines = text.Split('\n');
        var count = lines.Length;
        if (count > 0 && lines[^1].Length == 0)
        {
            count--;
        }

        return ParseLines(lines.Take(count).Select((l, i) => i == 0 && l.Length > 0 && l[0] == '\uFEFF' ? l[1..].TrimEnd('\r') : l.TrimEnd('\r')), sourceName, catalog);
    }

    /// <summary>Checks that a case id is new; the message names the line of its first use.</summary>
    /// <param name="seen">The ids met so far, with their line numbers.</param>
    /// <param name="id">The id.</param>
    /// <param name="sourceName">A file name for error messages.</param>
    /// <param name="lineNumber">The 1-based line number.</param>
    /// <exception cref="CaseFileException">The id was used before.</exception>
    public static void CheckUnique(IDictionary<string, int> seen, string id, string sourceName, int lineNumber)
    {
        ArgumentNullException.ThrowIfNull(seen);
        ArgumentNullException.ThrowIfNull(id);
        if (!seen.TryAdd(id, lineNumber))
        {
            throw Fail(sourceName, lineNumber, "id", $"'{id}' is not unique (first used on line {seen[id].ToString(CultureInfo.InvariantCulture)})");
        }
    }

    private static List<ValidationCase> ParseLines(IEnumerable<string> lines, string sourceName, Catalog catalog)
    {
        var cases = new List<ValidationCase>();
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        var number = 0;
        foreach (var line in lines)
        {
            number++;
            var c = ParseLine(line, sourceName, number, catalog);
            CheckUnique(ids, c.Id, sourceName, number);
            cases.Add(c);
        }

        return cases;
    }

    /// <summary>Parses one case line.</summary>
    /// <param name="line">The line's JSON text.</param>
    /// <param name="sourceName">A file name for error messages.</param>
    /// <param name="lineNumber">The 1-based line number for error messages.</param>
    /// <param name="catalog">The catalog that resolves ids (for example a <see cref="Pricing.PricingContext"/>'s).</param>
    /// <returns>The case.</returns>
    /// <exception cref="CaseFileException">The line is invalid; the message names the file, line and key.</exception>
    public static ValidationCase ParseLine(string line, string sourceName, int lineNumber, Catalog catalog)
    {
        ArgumentNullException.ThrowIfNull(line);
        ArgumentNullException.ThrowIfNull(catalog);
        if (string.IsNullOrWhiteSpace(line))
        {
            throw new CaseFileException(sourceName, lineNumber, "blank line (case files have one JSON object per line and no blank lines)");
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(line, DocumentOptions);
        }
        catch (JsonException ex)
        {
            throw new CaseFileException(sourceName, lineNumber, "not valid JSON: " + ex.Message, ex);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new CaseFileException(sourceName, lineNumber, "the line is not a JSON object");
            }

            var p = new LineParser(sourceName, lineNumber);
            var props = p.ExactKeys(root, Keys, "");
            // A model id the catalog lacks is kept (the case format also allows models_modern.csv ids): predicting the case reports it.
            var model = p.String(props[1], "model");
            var hardware = p.Id(props[2], "hardware", id => catalog.TryGetHardware(id, out _));
            var metricId = p.String(props[14], "metric");
            if (!CaseMetrics.TryParse(metricId, out var metric))
            {
                throw Fail(sourceName, lineNumber, "metric", $"'{metricId}' is not one of {string.Join(", ", CaseMetrics.Ids)}");
            }

            var output = p.OptionalInt(props[12], "output_tokens", 0);
            if (metric == CaseMetric.StepTime && output is not (0 or 1))
            {
                throw Fail(sourceName, lineNumber, "output_tokens", "must be 0 or 1 for step_ms cases");
            }

            var value = p.Number(props[15], "value");
            // A measurement is a positive figure of ordinary size: a subnormal or astronomically large value would make the relative error
            // of any prediction infinite (median APE "Infinity %").
            if (!(value >= 1e-9 && value <= 1e15))
            {
                throw Fail(sourceName, lineNumber, "value", $"must be a measurement from 1e-9 to 1e15; got {value.ToString("R", CultureInfo.InvariantCulture)}");
            }

            var notes = p.String(props[17], "notes", allowEmpty: true);
            var tags = ParseTags(notes, sourceName, lineNumber);
            if (tags.Timebase is not null && metric != CaseMetric.OutputTokensPerSecondPerUser)
            {
                throw Fail(sourceName, lineNumber, "notes", "the timebase tag is only used with per_user_output_tokens_per_s");
            }

            var devices = p.Int(props[3], "devices", 1);
            if (tags.PrefillPool is { } prefillPool && tags.DecodePool is { } decodePool && prefillPool.Devices + decodePool.Devices != devices)
            {
                throw Fail(sourceName, lineNumber, "devices", FormattableString.Invariant($"must equal the devices of both disagg pools ({prefillPool.Devices} + {decodePool.Devices}); got {devices}"));
            }

            return new ValidationCase
            {
                Id = p.String(props[0], "id"),
                Model = model,
                Hardware = hardware,
                Devices = devices,
                TensorParallel = p.OptionalInt(props[4], "tensor_parallel", 1),
                PipelineParallel = p.OptionalInt(props[5], "pipeline_parallel", 1),
                Weights = p.OptionalId(props[6], "weights", id => catalog.TryGetFormat(id, out _)),
                Activations = p.OptionalId(props[7], "activations", id => catalog.TryGetFormat(id, out _)),
                KvCache = p.OptionalId(props[8], "kv_cache", id => catalog.TryGetFormat(id, out _)),
                ServingStack = p.Id(props[9], "serving_stack", id => catalog.TryGetStack(id, out _)),
                Batch = p.OptionalInt(props[10], "batch", 1),
                InputTokens = p.OptionalInt(props[11], "input_tokens", 0),
                OutputTokens = output,
                Speculative = ParseSpeculative(props[13], p, catalog),
                Metric = metric,
                Value = value,
                Source = p.String(props[16], "source"),
                Notes = notes,
                Tags = tags,
                Line = lineNumber,
            };
        }
    }

    /// <summary>Parses the tags at the start of a <c>notes</c> string.</summary>
    /// <param name="notes">The notes.</param>
    /// <param name="sourceName">A file name for error messages.</param>
    /// <param name="lineNumber">The line number for error messages.</param>
    /// <returns>The tags.</returns>
    /// <exception cref="CaseFileException">A tag is malformed, unknown, repeated or has a value outside its vocabulary.</exception>
    public static CaseTags ParseTags(string notes, string sourceName, int lineNumber)
    {
        ArgumentNullException.ThrowIfNull(notes);
        var tags = new CaseTags();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pos = 0;
        while (pos < notes.Length && notes[pos] == '[')
        {
            var close = notes.IndexOf(']', pos);
            var eq = notes.IndexOf('=', pos);
            if (close < 0 || eq < 0 || eq > close)
            {
                throw Fail(sourceName, lineNumber, "notes", $"malformed tag at position {pos} (tags are [key=value])");
            }

            var key = notes[(pos + 1)..eq];
            var value = notes[(eq + 1)..close];
            if (!seen.Add(key))
            {
                throw Fail(sourceName, lineNumber, "notes", $"tag '{key}' appears twice");
            }

            tags = key switch
            {
                "timebase" when value is "e2e" or "decode" => tags with { Timebase = value == "e2e" ? RateTimebase.EndToEnd : RateTimebase.Decode },
                "statistic" when value is "mean" or "p50" => tags with { Statistic = value == "mean" ? LatencyStatistic.Mean : LatencyStatistic.Median },
                "group_size" when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var g) && g >= 1 => tags with { GroupSize = g },
                "hardware_variant" when value == "assumed" => tags with { HardwareVariantAssumed = true },
                "precision" when value == "assumed" => tags with { PrecisionAssumed = true },
                "quality" when value == "anomalous" => tags with { Anomalous = true },
                "load" when ParseLoad(value) is { } load => tags with { Load = load },
                "expert_parallel" when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var ep) && ep >= 2 => tags with { ExpertParallel = ep },
                "attention_dp" when value == "yes" => tags with { AttentionDataParallel = true },
                "disagg" when ParseDisaggregation(value) is { } pools => tags with { PrefillPool = pools.Prefill, DecodePool = pools.Decode },
                "timebase" or "statistic" or "group_size" or "hardware_variant" or "precision" or "quality" or "load" or "expert_parallel" or "attention_dp" or "disagg" =>
                    throw Fail(sourceName, lineNumber, "notes", $"tag '{key}' has an invalid value '{value}'"),
                _ => throw Fail(sourceName, lineNumber, "notes", $"unknown tag '{key}'"),
            };
            pos = close + 1;
            if (pos < notes.Length)
            {
                if (notes[pos] != ' ')
                {
                    throw Fail(sourceName, lineNumber, "notes", $"tag '{key}' must be followed by a single space or the end of the notes");
                }

                pos++;
                if (pos < notes.Length && notes[pos] == ' ')
                {
                    throw Fail(sourceName, lineNumber, "notes", "tags are separated by single spaces");
                }
            }
        }

        return tags;
    }

    private static LoadKind? ParseLoad(string value) => value switch
    {
        "static" => LoadKind.Static,
        "closed" => LoadKind.Closed,
        "offline" => LoadKind.Offline,
        "poisson" => LoadKind.Poisson,
        _ => null,
    };

    private static (DisaggregatedPool Prefill, DisaggregatedPool Decode)? ParseDisaggregation(string value)
    {
        var plus = value.IndexOf('+', StringComparison.Ordinal);
        return plus > 0 && ParsePool(value[..plus]) is { } prefill && ParsePool(value[(plus + 1)..]) is { } decode ? (prefill, decode) : null;
    }

    // WxGg[TPt][EPe][DP], for example 1x8gTP8EP8DP.
    private static DisaggregatedPool? ParsePool(string text)
    {
        var m = PoolPattern().Match(text);
        if (!m.Success)
        {
            return null;
        }

        static int Group(Match m, int i, int fallback) => m.Groups[i].Success ? int.Parse(m.Groups[i].Value, NumberStyles.None, CultureInfo.InvariantCulture) : fallback;
        var pool = new DisaggregatedPool
        {
            Workers = Group(m, 1, 0),
            DevicesPerWorker = Group(m, 2, 0),
            TensorParallel = Group(m, 3, 1),
            ExpertParallel = Group(m, 4, 1),
            AttentionDataParallel = m.Groups[5].Success,
        };
        return pool.Workers >= 1 && pool.DevicesPerWorker >= 1 && pool.TensorParallel >= 1 && pool.ExpertParallel >= 1 ? pool : null;
    }

    [GeneratedRegex("^([0-9]{1,6})x([0-9]{1,6})g(?:TP([0-9]{1,6}))?(?:EP([0-9]{1,6}))?(DP)?$", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex PoolPattern();

    private static SpeculativeSetting? ParseSpeculative(JsonElement e, LineParser p, Catalog catalog)
    {
        if (e.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (e.ValueKind != JsonValueKind.Object)
        {
            throw Fail(p.File, p.Line, "speculative", "must be null or an object");
        }

        var props = p.ExactKeys(e, SpeculativeKeys, "speculative.");
        string? draft = null;
        if (props[0].ValueKind != JsonValueKind.Null)
        {
            draft = p.String(props[0], "speculative.draft_model");
            if (draft != SpeculativeSetting.Eagle && !catalog.TryGetModel(draft, out _))
            {
                throw Fail(p.File, p.Line, "speculative.draft_model", $"'{draft}' is neither 'eagle' nor a known model id");
            }
        }

        double? acceptance = null;
        if (props[2].ValueKind != JsonValueKind.Null)
        {
            var a = p.Number(props[2], "speculative.acceptance_rate");
            acceptance = a is >= 0 and <= 1 ? a : throw Fail(p.File, p.Line, "speculative.acceptance_rate", "must be in [0, 1]");
        }

        return new SpeculativeSetting { DraftModel = draft, DraftTokens = p.OptionalInt(props[1], "speculative.draft_tokens", 1), AcceptanceRate = acceptance };
    }

    private static CaseFileException Fail(string file, int line, string key, string what) => new(file, line, $"'{key}' {what}");

    private readonly record struct LineParser(string File, int Line)
    {
        public JsonElement[] ExactKeys(JsonElement obj, IReadOnlyList<string> keys, string prefix)
        {
            var values = new JsonElement[keys.Count];
            var i = 0;
            foreach (var prop in obj.EnumerateObject())
            {
                if (i >= keys.Count)
                {
                    throw Fail(File, Line, prefix + prop.Name, "is not an allowed key");
                }

                if (!string.Equals(prop.Name, keys[i], StringComparison.Ordinal))
                {
                    var known = keys.Contains(prop.Name, StringComparer.Ordinal);
                    throw Fail(File, Line, prefix + prop.Name, known ? $"is out of order (expected '{prefix}{keys[i]}' here)" : "is not an allowed key");
                }

                values[i++] = prop.Value;
            }

            return i == keys.Count ? values : throw Fail(File, Line, prefix + keys[i], "is missing");
        }

        public string String(JsonElement e, string key, bool allowEmpty = false)
        {
            if (e.ValueKind != JsonValueKind.String)
            {
                throw Fail(File, Line, key, $"must be a string; got {Describe(e)}");
            }

            var s = e.GetString()!;
            return allowEmpty || s.Length > 0 ? s : throw Fail(File, Line, key, "must not be empty");
        }

        public string Id(JsonElement e, string key, Func<string, bool> known)
        {
            var s = String(e, key);
            return known(s) ? s : throw Fail(File, Line, key, $"'{s}' is not a known id");
        }

        public string? OptionalId(JsonElement e, string key, Func<string, bool> known) =>
            e.ValueKind == JsonValueKind.Null ? null : Id(e, key, known);

        public int Int(JsonElement e, string key, int min)
        {
            if (e.ValueKind != JsonValueKind.Number || !e.TryGetInt32(out var v))
            {
                throw Fail(File, Line, key, $"must be an integer; got {Describe(e)}");
            }

            return v >= min ? v : throw Fail(File, Line, key, $"must be ≥ {min}; got {v}");
        }

        public int? OptionalInt(JsonElement e, string key, int min) => e.ValueKind == JsonValueKind.Null ? null : Int(e, key, min);

        public double Number(JsonElement e, string key)
        {
            if (e.ValueKind != JsonValueKind.Number || !e.TryGetDouble(out var v) || !double.IsFinite(v))
            {
                throw Fail(File, Line, key, $"must be a finite number; got {Describe(e)}");
            }

            return v;
        }

        private static string Describe(JsonElement e) => e.ValueKind switch
        {
            JsonValueKind.String => "a string",
            JsonValueKind.Null => "null",
            JsonValueKind.Object => "an object",
            JsonValueKind.Array => "an array",
            JsonValueKind.True or JsonValueKind.False => "a boolean",
            _ => e.GetRawText(),
        };
    }
}
