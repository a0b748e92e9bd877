using System.Collections.Concurrent;
using System.Globalization;

namespace TokenCost.Tests.Hostile;

/// <summary>
/// Identical results in every culture: the same commands run as child processes under de-DE, tr-TR, fr-FR and ar-SA (LANG/LC_ALL, as a
/// user's laptop sets them) print byte for byte what they print under the invariant culture. The runtime here uses ICU (no invariant
/// globalization mode), so the child processes really do get those cultures: de-DE's decimal comma once made "--price-per-hour 2.5" mean 25.
/// </summary>
public class CultureMatrixTests
{
    private static readonly string[] Cultures = ["de_DE", "tr_TR", "fr_FR", "ar_SA"];

    public static TheoryData<string> Commands() =>
    [
        "estimate --price-per-hour 2.5 --electricity-price 0.12 --pue 1.3 --json",
        "estimate --capex 25000.5 --utilization 0.7",
        "speculative --model llama-3.1-8b --draft eagle --acceptance 0.7 --max-draft-tokens 8 --json",
        "uncertainty --model llama-3.1-8b --samples 300 --seed 3 --estimator-sigma 0.15 --json",
        "audit --claims {claims} --json",
    ];

    [Fact]
    public void TheTestCulturesUseADecimalCommaOrOtherSymbols()
    {
        // Guards the matrix: if the runtime ran in invariant globalization mode these cultures would all be invariant and the test hollow.
        CultureInfo.GetCultureInfo("de-DE").NumberFormat.NumberDecimalSeparator.Should().Be(",");
        CultureInfo.GetCultureInfo("fr-FR").NumberFormat.NumberDecimalSeparator.Should().Be(",");
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public void Output_IsByteForByteTheSameInEveryCulture(string command)
    {
        var args = command.Replace("{claims}", HostileProcess.RepositoryFile("samples", "seed-article", "claims.json"), StringComparison.Ordinal).Split(' ');
        var results = new ConcurrentDictionary<string, HostileProcess.Result>();
        Parallel.ForEach(["C", .. Cultures], new ParallelOptions { MaxDegreeOfParallelism = 3 }, culture =>
            results[culture] = HostileProcess.Run(Environment(culture), args));

        var reference = results["C"];
        reference.ExitCode.Should().Be(0, reference.Stderr);
        reference.Stdout.Should().NotBeEmpty();
        foreach (var culture in Cultures)
        {
            var r = results[culture];
            r.ExitCode.Should().Be(0, $"{culture}: {r.Stderr}");
            r.Stdout.Should().Be(reference.Stdout, $"the output under {culture} must equal the invariant output byte for byte");
            r.Stderr.Should().Be(reference.Stderr);
        }
    }

    [Theory]
    [InlineData("de_DE")]
    [InlineData("fr_FR")]
    [InlineData("C")]
    public void DecimalComma_IsRejectedInEveryCultureNamingTheOption(string culture)
    {
        var r = HostileProcess.Run(Environment(culture), "estimate", "--price-per-hour", "2,5");
        r.ExitCode.Should().Be(2);
        r.Stdout.Should().BeEmpty();
        r.Stderr.Trim().Should().StartWith("tokencost: --price-per-hour").And.Contain("decimal comma is not accepted").And.Contain("decimal point").And.NotContain("\n");
    }

    [Theory]
    [InlineData("de_DE")]
    [InlineData("ar_SA")]
    public void DecimalPoint_MeansTheSameEverywhere(string culture)
    {
        var local = HostileProcess.Run(Environment(culture), "estimate", "--price-per-hour", "2.5", "--json");
        var invariant = HostileProcess.Run(Environment("C"), "estimate", "--price-per-hour", "25", "--json");
        local.ExitCode.Should().Be(0, local.Stderr);
        local.Stdout.Should().NotBe(invariant.Stdout, "2.5 $/h must not be read as 25 $/h");
        local.Stdout.Should().Contain("\"usdPerHour\": 2.5,");
    }

    private static Dictionary<string, string> Environment(string culture) => new()
    {
        ["LANG"] = culture == "C" ? "C.UTF-8" : culture + ".UTF-8",
        ["LC_ALL"] = culture == "C" ? "C.UTF-8" : culture + ".UTF-8",
        ["DOTNET_SYSTEM_GLOBALIZATION_INVARIANT"] = "false",
    };
}
