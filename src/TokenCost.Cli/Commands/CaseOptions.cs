using System.CommandLine;
using TokenCost.Catalogs;
using TokenCost.Serving;

namespace TokenCost.Cli.Commands;

/// <summary>Options shared by <c>predict</c>, <c>validate</c> and <c>calibrate</c>.</summary>
public static class CaseOptions
{
    /// <summary>Creates the required <c>--cases</c> option.</summary>
    /// <returns>The option.</returns>
    public static Option<string> Cases() => new("--cases") { Description = "A JSON Lines case file (format: shared/validation/README.md)", Required = true };

    /// <summary>Creates the <c>--profiles</c> option.</summary>
    /// <returns>The option.</returns>
    public static Option<string?> Profiles() => new("--profiles") { Description = "Serving profiles JSON (from 'tokencost calibrate'); default: the shipped profiles" };

    /// <summary>Loads profiles from a file, or the shipped ones when no file is given.</summary>
    /// <param name="path">The file, or null.</param>
    /// <returns>The profiles.</returns>
    public static ServingProfiles LoadProfiles(string? path) => string.IsNullOrEmpty(path) ? Catalog.Default.Profiles : ServingProfiles.Load(path);
}
