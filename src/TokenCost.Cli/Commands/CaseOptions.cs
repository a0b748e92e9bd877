using System.CommandLine;
using TokenCost.Catalogs;
using TokenCost.Serving;
using TokenCost.Validation;

namespace TokenCost.Cli.Commands;

/// <summary>Options shared by <c>predict</c>, <c>validate</c> and <c>calibrate</c>.</summary>
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
    /// <returns>The cases of all files, in file order.</returns>
    /// <exception cref="CaseFileException">A file is invalid, or an id appears in two files.</exception>
    public static IReadOnlyList<Validation.ValidationCase> ReadCases(IReadOnlyList<string> paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var all = new List<Validation.ValidationCase>();
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            foreach (var c in Validation.CaseReader.ReadFile(path))
            {
                if (!ids.TryAdd(c.Id, path))
                {
                    throw new CaseFileException(path, c.Line, $"'id' '{c.Id}' is not unique (also in {ids[c.Id]})");
                }

                all.Add(c);
            }
        }

        return all;
    }

    /// <summary>Writes the case files as they appear in a documented command line (<c>--cases a --cases b</c>, forward slashes).</summary>
    /// <param name="paths">The files.</param>
    /// <returns>The text.</returns>
    public static string Describe(IReadOnlyList<string> paths) => string.Join(" ", (paths ?? []).Select(p => "--cases " + p.Replace('\\', '/')));

    /// <summary>Creates the <c>--profiles</c> option.</summary>
    /// <returns>The option.</returns>
    public static Option<string?> Profiles() => new("--profiles") { Description = "Serving profiles JSON (from 'tokencost calibrate'); default: the shipped profiles" };

    /// <summary>Loads profiles from a file, or the shipped ones when no file is given.</summary>
    /// <param name="path">The file, or null.</param>
    /// <returns>The profiles.</returns>
    public static ServingProfiles LoadProfiles(string? path) => string.IsNullOrEmpty(path) ? Catalog.Default.Profiles : ServingProfiles.Load(path);
}
