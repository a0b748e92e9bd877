using System.Text;
using TokenCost.Catalogs;
using TokenCost.Estimation;
using TokenCost.Quantities;
using TokenCost.Serialization;
using TokenCost.Serving;

namespace TokenCost.Tests.Hostile;

/// <summary>
/// Mutates valid catalog and profile files (byte flips, deletions, duplications, hostile tokens, truncation) and accepts only
/// typed errors: a <see cref="InputFileException"/> or an <see cref="ArgumentException"/>. Whatever loads must also estimate
/// with typed errors only. Seeded, so a failure reproduces.
/// </summary>
public class FuzzTests
{
    private const int MutationsPerDocument = 6000;

    private static readonly string[] Tokens =
    [
        "null", "-1", "0", "-0", "1e400", "-1e400", "1e-400", "NaN", "Infinity", "99999999999", "2147483648", "0.0000001", "true", "\"\"",
        "\"x\"", "{", "}", "[", "]", ",", ":", "\"", "\\u0000", "\"a\":1,", "{\"id\":\"nvidia_h100_sxm\"}", "[[[[[[[[[[[[[[[[[[[[", "\u00e9", "\ud83d\ude00",
    ];

    [Fact]
    public void MutatedOverrideFiles_FailOnlyWithTypedErrors()
    {
        var report = Fuzz(JsonInputs.OverrideFile(), seed: 7, json =>
        {
            var catalog = Catalog.Default.WithOverrides(new MemoryStream(json), "fuzz.json");
            Use(catalog);
        });
        report.Should().BeEmpty();
    }

    [Fact]
    public void MutatedProfileFiles_FailOnlyWithTypedErrors()
    {
        var report = Fuzz(JsonInputs.Profiles(), seed: 11, json =>
        {
            var profiles = ServingProfiles.Parse(Encoding.UTF8.GetString(json), "fuzz.json");
            Use(Catalog.Default.WithProfiles(profiles));
        });
        report.Should().BeEmpty();
    }

    private static void Use(Catalog catalog)
    {
        var estimator = new RooflineEstimator(catalog.Profiles);
        var hw = catalog.TryGetHardware("nvidia_h100_sxm", out var h) ? h.Id : catalog.Hardware[0].Id;
        var model = catalog.TryGetModel("mixtral-8x7b", out var m) ? m.Id : catalog.Models[0].Id;
        var stack = catalog.TryGetStack("vllm", out var s) ? s.Id : "unknown";
        var weights = catalog.TryGetFormat("int4", out var f) ? f.Id : "bf16";
        var config = DeploymentConfiguration.Create(catalog, model, hw, weights, null, null, stack, 2);
        var summary = estimator.Summarize(config, new Workload { Batch = null, InputTokens = 1000, OutputTokens = 100 }, HourlyRate.FromUsdPerHour(2));
        double.IsFinite(summary.TimePerOutputToken.Seconds).Should().BeTrue();
    }

    private static List<string> Fuzz(string document, int seed, Action<byte[]> load)
    {
        var random = new Random(seed);
        var original = Encoding.UTF8.GetBytes(document);
        var failures = new List<string>();
        var typed = 0;
        for (var i = 0; i < MutationsPerDocument && failures.Count < 5; i++)
        {
            var mutated = Mutate(original, random);
            try
            {
                load(mutated);
            }
            catch (InputFileException)
            {
                typed++;
            }
            catch (ArgumentException)
            {
                typed++;
            }
#pragma warning disable CA1031 // The point is to catch everything else and report it.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                failures.Add($"mutation {i} (seed {seed}): {ex.GetType().Name}: {ex.Message}\n{Encoding.UTF8.GetString(mutated)}");
            }
        }

        // Most mutations must actually break the file, or the fuzzer is not testing anything.
        typed.Should().BeGreaterThan(MutationsPerDocument / 3);
        return failures;
    }

    private static byte[] Mutate(byte[] source, Random random)
    {
        var bytes = new List<byte>(source);
        var edits = 1 + random.Next(3);
        for (var e = 0; e < edits && bytes.Count > 0; e++)
        {
            var at = random.Next(bytes.Count);
            switch (random.Next(6))
            {
                case 0:
                    bytes[at] = (byte)random.Next(32, 127);
                    break;
                case 1:
                    bytes.RemoveRange(at, Math.Min(bytes.Count - at, 1 + random.Next(16)));
                    break;
                case 2:
                    var length = Math.Min(bytes.Count - at, 1 + random.Next(64));
                    bytes.InsertRange(random.Next(bytes.Count), bytes.GetRange(at, length));
                    break;
                case 3:
                    bytes.InsertRange(at, Encoding.UTF8.GetBytes(Tokens[random.Next(Tokens.Length)]));
                    break;
                case 4:
                    // Replace the number that follows the next colon with a hostile one.
                    var colon = bytes.IndexOf((byte)':', at);
                    if (colon >= 0)
                    {
                        var end = colon + 1;
                        while (end < bytes.Count && bytes[end] is (byte)' ' or (byte)'-' or (byte)'.' or (byte)'e' or (>= (byte)'0' and <= (byte)'9'))
                        {
                            end++;
                        }

                        bytes.RemoveRange(colon + 1, end - colon - 1);
                        bytes.InsertRange(colon + 1, Encoding.UTF8.GetBytes(" " + Tokens[random.Next(12)]));
                    }

                    break;
                default:
                    bytes.RemoveRange(at, bytes.Count - at);
                    break;
            }
        }

        return [.. bytes];
    }
}
