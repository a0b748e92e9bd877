using TokenCost.Catalogs;
using TokenCost.Quantities;
using TokenCost.Serving;

namespace TokenCost.Tests.Catalogs;

public class ServingProfilesTests
{
    [Fact]
    public void Shipped_HasProvenanceAndAProfilePerMeasuredStack()
    {
        var profiles = Catalog.Default.Profiles;
        profiles.Provenance.Should().NotBeNullOrWhiteSpace();
        profiles.Stacks.Should().ContainKey("tensorrt-llm");
    }

    [Fact]
    public void For_UnknownStack_UsesDefaults() =>
        Catalog.Default.Profiles.For("unknown", "nvidia_h100_sxm").Should().Be(Catalog.Default.Profiles.Defaults with { });

    [Fact]
    public void For_AppliesHardwareBandwidthFactor()
    {
        var profiles = new ServingProfiles { Defaults = new EfficiencyProfile { BandwidthEfficiency = 0.8 }, HardwareBandwidthFactors = new Dictionary<string, double> { ["amd_mi300x"] = 0.5 } };
        profiles.For("vllm", "amd_mi300x").BandwidthEfficiency.Should().BeApproximately(0.4, 1e-12);
        profiles.For("vllm", "nvidia_h100_sxm").BandwidthEfficiency.Should().Be(0.8);
    }

    [Fact]
    public void ToJson_Parse_RoundTripsExactly()
    {
        var profiles = new ServingProfiles
        {
            Defaults = new EfficiencyProfile { BandwidthEfficiency = 0.8123456789012345, LayerOverhead = TimeInterval.FromMicroseconds(3.3333333333333335), WeightFormatEfficiency = new Dictionary<string, double> { ["int4"] = 0.71 } },
            Power = new PowerModel { IdleFraction = 0.21, MemoryFraction = 0.65, ComputeFraction = 1.1 },
            Provenance = "test",
        };
        var back = ServingProfiles.Parse(profiles.ToJson());
        back.Defaults.BandwidthEfficiency.Should().Be(0.8123456789012345);
        back.Defaults.LayerOverhead.Should().Be(profiles.Defaults.LayerOverhead);
        back.Defaults.WeightFormatEfficiency["int4"].Should().Be(0.71);
        back.Power.Should().Be(profiles.Power);
        back.ToJson().Should().Be(profiles.ToJson());
    }

    [Fact]
    public void EfficiencyProfile_OutOfRangeFraction_ThrowsNamingProperty()
    {
        var act = () => new EfficiencyProfile { BandwidthEfficiency = 1.5 };
        act.Should().Throw<ArgumentOutOfRangeException>().Which.ParamName.Should().Be("BandwidthEfficiency");
    }

    [Fact]
    public void PowerModel_Estimate_InterpolatesByUtilization()
    {
        // 700 W × (0.2 + 0.6 × 0.5 + 0.8 × 0.25) = 700 × 0.7 = 490 W.
        new PowerModel { IdleFraction = 0.2, MemoryFraction = 0.6, ComputeFraction = 0.8 }.Estimate(Power.FromWatts(700), 0.5, 0.25).Watts.Should().BeApproximately(490, 1e-9);
    }
}
