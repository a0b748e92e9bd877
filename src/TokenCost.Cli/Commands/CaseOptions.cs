using System.CommandLine;
using TokenCost.Catalogs;

namespace TokenCost.Cli.Commands;

/// <summary>The case-file option and reader shared by <c>predict</c>, <c>validate</c> and <c>calibrate</c>.</summary>
public static class CaseOptions
{
    /// <summary>Creates the required <c>--cases</c> option; repeat it to read several case files together.</summary>
    /// <returns>The option.</returns>
    public static Option<string[]> Cases() => new("--cases")
    {
        Description = "A JSON Lines case file (format: shared/validation/README.md); repeat to use several files together",
        Required = true,
        Arity = ArgumentArity.OneOrMore,
        AllowMultipleArgumentsPerToken = false,
    };

    /// <summary>Reads every case file, in order; ids must be unique across the files.</summary>
    /// <param name="paths">The files.</param>
    /// <param name="catalog">The catalog that resolves ids.</param>
    /// <returns>The cases of all files, in file order.</returns>
    /// <exception cref="Validation.CaseFileException">A file is invalid, or an id appears in two files.</exception>
    public static IReadOnlyList<Validation.ValidationCase> ReadCases(IReadOnlyList<string> paths, Catalog catalog)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var all = new List<Validation.ValidationCase>();
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            foreach (var c in Validation.CaseReader.ReadFile(path, catalog))
            {
                if (!ids.TryAdd(c.Id, path))
                {
                    throw new Validation.CaseFileException(path, c.Line, $"'id' '{c.Id}' is not unique (also in {ids[c.Id]})");
                }

                all.Add(c);
            }
        }

        return all;
    }

    /// <summary>
    /// Reads every case file line by line, in order, keeping going past invalid lines: each line stands alone, and a line that does not parse,
    /// or whose id was used before (in this or an earlier file), is returned as an invalid line with the reader's message.
    /// </summary>
    /// <param name="paths">The files.</param>
    /// <param name="catalog">The catalog that resolves ids.</param>
    /// <returns>Every line in order: the case, or the invalid line's id (when it has one) and message.</returns>
    public static IReadOnlyList<CaseLine> ReadLines(IReadOnlyList<string> paths, Catalog catalog)
    {
        ArgumentNullException.ThrowIfNull(paths);
        ArgumentNullException.ThrowIfNull(catalog);
        var lines = new List<CaseLine>();
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            var number = 0;
            foreach (var line in Serialization.InputFile.ReadLines(path, Validation.CaseReader.MaxBytes))
            {
                number++;
                try
                {
                    var parsed = Validation.CaseReader.ParseLine(line, path, number, catalog);
                    Validation.CaseReader.CheckUnique(ids, parsed.Id, path, number);
                    lines.Add(new CaseLine(parsed, null, null));
                }
                catch (Serialization.InputFileException ex)
                {
                    lines.Add(new CaseLine(null, TryId(line), ex.Message));
                }
            }
        }

        return lines;
    }

    private static string? TryId(string line)
    {
        try
        {
            using var doc = System.Text.Json.JsonDocument.Parse(line);
            return doc.RootElement.ValueKind == System.Text.Json.JsonValueKind.Object && doc.RootElement.TryGetProperty("id", out var id) && id.ValueKind == System.Text.Json.JsonValueKind.String ? id.GetString() : null;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    /// <summary>Writes the case files as they appear in a documented command line (<c>--cases a --cases b</c>, forward slashes).</summary>
    /// <param name="paths">The files.</param>
    /// <returns>The text.</returns>
    public static string Describe(IReadOnlyList<string> paths) => string.Join(" ", (paths ?? []).Select(p => "--cases " + p.Replace('\\', '/')));
}

/// <summary>One line of a case file: the case, or why the line is invalid.</summary>
/// <param name="Case">The case, or null when the line is invalid.</param>
/// <param name="Id">The invalid line's id, when it has one.</param>
/// <param name="Error">Why the line is invalid, or null.</param>
public sealed record CaseLine(Validation.ValidationCase? Case, string? Id, string? Error);
