using TokenCost.Audit;
using TokenCost.Catalogs;

namespace TokenCost.Tests.Audit;

public class ClaimFileTests
{
    internal static string SeedClaimsPath()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var path = Path.Combine(dir.FullName, "samples", "seed-article", "claims.json");
            if (File.Exists(path))
            {
                return path;
            }
        }

        throw new FileNotFoundException("samples/seed-article/claims.json not found above the test directory");
    }

    private static string Wrap(string claim) =>
        "{\n  \"about\": \"t\",\n  \"verdicts\": {\"consistent\": \"ok\"},\n  \"claims\": [\n    " + claim + "\n  ]\n}";

    [Fact]
    public void Load_SeedClaims_ReadsAll32ClaimsWithKindsAndLines()
    {
        var file = ClaimFile.Load(SeedClaimsPath());

        file.Claims.Should().HaveCount(32);
        file.Claims.Select(c => c.Kind).Distinct().Should().HaveCount(8, "the seed file uses every claim kind");
        file.Claims.Should().OnlyContain(c => c.Line > 0);
        file.Verdicts.Should().HaveCount(5);
        file.Verdicts[ClaimVerdict.Optimistic].Should().Contain("hard physical bound");
        var groq = file.Claims.Single(c => c.Id == "groq-70b-latency");
        groq.Devices.Should().BeNull();
        groq.Claimed.Should().Be(0.8);
        file.Claims.Single(c => c.Id == "npu-7b-on-device").ClaimedFlag.Should().BeTrue();
    }

    [Fact]
    public void Parse_UnknownKey_ThrowsNamingFileAndLine()
    {
        var json = Wrap("{\"id\": \"a\", \"kind\": \"spec\", \"metric\": \"memory_gb\", \"claimed\": 1,\n     \"colour\": \"red\"}");

        var act = () => ClaimFile.Parse(json, "bad.json");

        var ex = act.Should().Throw<ClaimFileException>().Which;
        ex.File.Should().Be("bad.json");
        ex.Line.Should().Be(6);
        ex.Message.Should().Contain("colour");
    }

    [Fact]
    public void Parse_WrongType_ThrowsNamingLine()
    {
        var json = Wrap("{\"id\": \"a\", \"kind\": \"latency\", \"metric\": \"time_per_output_token_ms\", \"claimed\": 1,\n     \"devices\": \"one\"}");

        var act = () => ClaimFile.Parse(json, "bad.json");

        act.Should().Throw<ClaimFileException>().Which.Line.Should().Be(6);
    }

    [Fact]
    public void Parse_UnknownKind_ThrowsNamingClaimAndLine()
    {
        var json = Wrap("{\"id\": \"a\", \"kind\": \"vibes\", \"metric\": \"x\", \"claimed\": 1}");

        var act = () => ClaimFile.Parse(json, "bad.json");

        var ex = act.Should().Throw<ClaimFileException>().Which;
        ex.Line.Should().Be(5);
        ex.Message.Should().Contain("claim 'a'").And.Contain("vibes");
    }

    [Fact]
    public void Parse_DuplicateId_Throws()
    {
        var c = "{\"id\": \"a\", \"kind\": \"spec\", \"metric\": \"memory_gb\", \"claimed\": 1}";
        var act = () => ClaimFile.Parse(Wrap(c + ",\n    " + c), "dup.json");

        act.Should().Throw<ClaimFileException>().WithMessage("*duplicate claim id 'a'*");
    }

    [Fact]
    public void Parse_FitsClaimWithNumber_Throws()
    {
        var act = () => ClaimFile.Parse(Wrap("{\"id\": \"a\", \"kind\": \"fits\", \"metric\": \"fits\", \"claimed\": 3}"), "f.json");

        act.Should().Throw<ClaimFileException>().WithMessage("*true or false*");
    }

    [Fact]
    public void Parse_MissingClaimed_Throws()
    {
        var act = () => ClaimFile.Parse(Wrap("{\"id\": \"a\", \"kind\": \"spec\", \"metric\": \"memory_gb\"}"), "f.json");

        act.Should().Throw<ClaimFileException>().WithMessage("*'claimed'*");
    }

    [Fact]
    public void Parse_UnknownVerdictWord_Throws()
    {
        var json = "{\"verdicts\": {\"plausible\": \"maybe\"}, \"claims\": []}";

        var act = () => ClaimFile.Parse(json, "v.json");

        act.Should().Throw<ClaimFileException>().WithMessage("*plausible*");
    }

    [Fact]
    public void Parse_DuplicateKey_Throws()
    {
        var act = () => ClaimFile.Parse(Wrap("{\"id\": \"a\", \"id\": \"b\", \"kind\": \"spec\", \"metric\": \"memory_gb\", \"claimed\": 1}"), "d.json");

        act.Should().Throw<ClaimFileException>();
    }
}
