using System.Text.Json;
using TokenCost.Audit;
using TokenCost.Cli.Commands;
using TokenCost.Cli.Infrastructure;
using TokenCost.Contracts;

namespace TokenCost.Tests.Audit;

public class AuditJsonTests
{
    [Fact]
    public void ToResponse_SeedClaims_EveryElementHasTheDocumentedShape()
    {
        var file = ClaimFile.Load(ClaimFileTests.SeedClaimsPath());
        var audits = new ClaimAuditor(TestPricing.Default).AuditAll(file.Claims);

        var json = ContractJson.Serialize(AnalysisMapper.ToResponse(audits), JsonOutput.Contracts.IReadOnlyListClaimAuditResponse);
        using var doc = JsonDocument.Parse(json);

        doc.RootElement.GetArrayLength().Should().Be(32);
        string[] verdicts = ["consistent", "optimistic", "infeasible", "inconsistent", "unverifiable"];
        foreach (var e in doc.RootElement.EnumerateArray())
        {
            foreach (var key in new[] { "id", "verdict", "claimed", "modeled", "bound", "assumptions", "explanation" })
            {
                e.TryGetProperty(key, out _).Should().BeTrue(key);
            }

            verdicts.Should().Contain(e.GetProperty("verdict").GetString());
            e.GetProperty("bound").ValueKind.Should().Be(JsonValueKind.Object);
            e.GetProperty("bound").GetProperty("formula").GetString().Should().NotBeNullOrEmpty();
            e.GetProperty("assumptions").ValueKind.Should().Be(JsonValueKind.Array);
        }

        var fits = doc.RootElement.EnumerateArray().Single(e => e.GetProperty("id").GetString() == "h200-llama3-70b-single-gpu");
        fits.GetProperty("claimedFlag").ValueKind.Should().Be(JsonValueKind.True);
        fits.GetProperty("modeledFlag").ValueKind.Should().Be(JsonValueKind.True);
    }
}
