#:project ../src/TokenCost.Analysis/TokenCost.Analysis.csproj
#:property Optimize=true
// Leave-one-hardware-out for a subset of cases: the figures of the hand-maintained sections of docs/ACCURACY.md.
//
// Usage (from the repository root; about 20–45 s per held-out accelerator on two cores):
//   dotnet run -c Release tools/loho.cs -- SUBSET.jsonl
//   dotnet run -c Release tools/loho.cs -- SUBSET.jsonl --cases ../shared/validation/calibration.jsonl --cases ../shared/validation/inferencex.jsonl
//
// Fits the profiles on every case of the --cases files (default: both shared files) from the embedded priors (in-sample), then, for
// each accelerator of SUBSET.jsonl, refits without every case of that accelerator (in all files) and predicts its cases — the procedure
// of `validate --markdown`'s leave-one-hardware-out column, run only for the accelerators the subset needs. SUBSET.jsonl holds lines of
// the case files (e.g. from tools/select_cases.py or grep); its ids select the cases summarized. Prints the median and P90 absolute
// percentage error in-sample and held out, and one line per case (id, hardware, in-sample %, held-out %) to stderr.
using System.Globalization;
using TokenCost.Calibration;
using TokenCost.Catalogs;
using TokenCost.Pricing;
using TokenCost.Validation;

if (args.Length == 0 || args[0].StartsWith("--", StringComparison.Ordinal))
{
    Console.Error.WriteLine("usage: dotnet run -c Release tools/loho.cs -- SUBSET.jsonl [--cases FILE]...");
    return 2;
}

var files = args.Skip(1).Chunk(2).Where(p => p.Length == 2 && p[0] == "--cases").Select(p => p[1]).ToList();
if (files.Count == 0)
{
    files = ["../shared/validation/calibration.jsonl", "../shared/validation/inferencex.jsonl"];
}

var catalog = Catalog.Default;
var context = PricingContext.Create(catalog);
var cases = files.SelectMany(f => CaseReader.ReadFile(f, catalog)).ToList();
var subsetIds = CaseReader.ReadFile(args[0], catalog).Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
var subset = cases.Where(c => subsetIds.Contains(c.Id)).ToList();
var calibrator = new Calibrator(context);

double? Error(CasePredictor predictor, ValidationCase c) => predictor.Predict(c).AbsolutePercentageError;
var inSamplePredictor = new CasePredictor(context.WithProfiles(calibrator.Fit(cases).Profiles));
var inSample = subset.ToDictionary(c => c.Id, c => Error(inSamplePredictor, c), StringComparer.Ordinal);
var heldOut = new Dictionary<string, double?>(StringComparer.Ordinal);
foreach (var hardware in subset.Select(c => c.Hardware).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
{
    var fit = calibrator.Fit(cases.Where(c => c.Hardware != hardware).ToList());
    var predictor = new CasePredictor(context.WithProfiles(fit.Profiles));
    foreach (var c in subset.Where(c => c.Hardware == hardware))
    {
        heldOut[c.Id] = Error(predictor, c);
    }

    Console.Error.WriteLine($"held out {hardware}: {subset.Count(c => c.Hardware == hardware)} subset cases");
}

foreach (var c in subset)
{
    Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{c.Id}\t{c.Hardware}\t{inSample[c.Id]:F2}\t{heldOut[c.Id]:F2}"));
}

static string Summary(IEnumerable<double?> errors)
{
    var a = errors.OfType<double>().Order().ToArray();
    if (a.Length == 0)
    {
        return "no predictions";
    }

    var median = a.Length % 2 == 1 ? a[a.Length / 2] : (a[(a.Length / 2) - 1] + a[a.Length / 2]) / 2;
    var p90 = a[(int)(0.9 * (a.Length - 1))];
    return string.Create(CultureInfo.InvariantCulture, $"median {median:F1} %, P90 {p90:F1} % ({a.Length} predicted)");
}

Console.WriteLine($"subset: {subset.Count} cases");
Console.WriteLine("in-sample:               " + Summary(inSample.Values));
Console.WriteLine("leave-one-hardware-out:  " + Summary(heldOut.Values));
return 0;
