using System.Text.Json;
using TokenCost.Catalogs;
using TokenCost.Internal;
using TokenCost.Serialization;

namespace TokenCost.Audit;

/// <summary>
/// A claims file (the format of <c>shared/seed/claims.json</c>): a description, the verdict vocabulary and the claims.
/// Reading is strict: unknown or duplicate keys, wrong types, unknown kinds or verdicts, duplicate ids and missing
/// required fields are rejected with a <see cref="ClaimFileException"/> naming the file and line.
/// </summary>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed record ClaimFile
{
    private static readonly InputFileFailure Failure = (file, line, message, inner) => new ClaimFileException(file, line, message, inner);

    /// <summary>Gets the file's description of itself.</summary>
    public string About { get; init; } = "";

    /// <summary>Gets the meaning of each verdict as the file words it (all five verdicts; the built-in wording where the file omits one).</summary>
    public required IReadOnlyDictionary<ClaimVerdict, string> Verdicts { get; init; }

    /// <summary>Gets the claims, in file order.</summary>
    public required IReadOnlyList<Claim> Claims { get; init; }

    /// <summary>Reads a claims file.</summary>
    /// <param name="path">The file path.</param>
    /// <returns>The claims.</returns>
    /// <exception cref="ClaimFileException">The file is unreadable or invalid; the message names the file and line.</exception>
    public static ClaimFile Load(string path)
    {
        Guard.NotEmpty(path);
        return Parse(InputFile.ReadAllBytes(path, JsonFiles.MaxBytes, Failure), path);
    }

    /// <summary>Reads a claims file from a stream.</summary>
    /// <param name="json">The UTF-8 JSON stream (at most 16 MB).</param>
    /// <param name="sourceName">A name for error messages (a file name).</param>
    /// <returns>The claims.</returns>
    /// <exception cref="ClaimFileException">The JSON is invalid; the message names the source and line.</exception>
    public static ClaimFile Read(Stream json, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(json);
        Guard.NotEmpty(sourceName);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int n;
        while ((n = json.Read(chunk, 0, chunk.Length)) > 0)
        {
            buffer.Write(chunk, 0, n);
            if (buffer.Length > JsonFiles.MaxBytes)
            {
                throw new ClaimFileException(sourceName, null, $"file is larger than the {JsonFiles.MaxBytes} byte limit");
            }
        }

        return Parse(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), sourceName);
    }

    /// <summary>Parses a claims file from text.</summary>
    /// <param name="json">The JSON text.</param>
    /// <param name="sourceName">A name for error messages (a file name).</param>
    /// <returns>The claims.</returns>
    /// <exception cref="ClaimFileException">The JSON is invalid; the message names the source and line.</exception>
    public static ClaimFile Parse(string json, string sourceName = "claims")
    {
        ArgumentNullException.ThrowIfNull(json);
        return Parse(System.Text.Encoding.UTF8.GetBytes(json), sourceName);
    }

    private static ClaimFile Parse(ReadOnlySpan<byte> utf8, string file)
    {
        if (utf8.StartsWith("\uFEFF"u8))
        {
            utf8 = utf8[3..]; // a UTF-8 byte-order mark, as editors on Windows write
        }

        var dto = JsonFiles.Parse(utf8, file, AuditJsonContext.Default.ClaimFileDto, Failure);
        var lines = ClaimLines(utf8);
        var verdicts = new Dictionary<ClaimVerdict, string>();
        foreach (var (word, meaning) in dto.Verdicts ?? [])
        {
            if (!ClaimMapper.TryParseVerdict(word, out var verdict))
            {
                throw new ClaimFileException(file, LineOf(utf8, "\"" + word + "\""), $"unknown verdict '{word}' in 'verdicts'; expected one of {string.Join(", ", ClaimMapper.VerdictWords)}");
            }

            verdicts[verdict] = meaning ?? "";
        }

        foreach (var verdict in Enum.GetValues<ClaimVerdict>())
        {
            verdicts.TryAdd(verdict, ClaimMapper.DefaultMeaning(verdict));
        }

        var claims = new List<Claim>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var list = dto.Claims ?? throw new ClaimFileException(file, 1, "missing key 'claims'");
        for (var i = 0; i < list.Count; i++)
        {
            long? line = i < lines.Count ? lines[i] : null;
            var claim = ClaimMapper.ToClaim(list[i], file, line, i);
            if (!ids.Add(claim.Id))
            {
                throw new ClaimFileException(file, line, $"duplicate claim id '{claim.Id}'");
            }

            claims.Add(claim);
        }

        return new ClaimFile { About = dto.About ?? "", Verdicts = verdicts, Claims = claims };
    }

    private static List<long> ClaimLines(ReadOnlySpan<byte> utf8)
    {
        var lines = new List<long>();
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow, MaxDepth = 16 });
        var inClaims = false;
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == 1)
            {
                inClaims = reader.ValueTextEquals("claims"u8);
            }
            else if (inClaims && reader.TokenType == JsonTokenType.StartObject && reader.CurrentDepth == 2)
            {
                lines.Add(LineAt(utf8, reader.TokenStartIndex));
            }
        }

        return lines;
    }

    private static long? LineOf(ReadOnlySpan<byte> utf8, string text)
    {
        var index = utf8.IndexOf(System.Text.Encoding.UTF8.GetBytes(text));
        return index < 0 ? null : LineAt(utf8, index);
    }

    private static long LineAt(ReadOnlySpan<byte> utf8, long index) => utf8[..(int)index].Count((byte)'\n') + 1;
}
