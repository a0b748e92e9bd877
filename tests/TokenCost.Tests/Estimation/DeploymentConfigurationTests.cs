using TokenCost.Catalogs;
using TokenCost.Estimation;
using TokenCost.Tests.Support;

namespace TokenCost.Tests.Estimation;

public class DeploymentConfigurationTests
{
    [Fact]
    public void Create_DefaultsActivationsTo16BitForWeightOnlyFormats()
    {
        var c = TestCatalog.Config("llama-2-70b", "nvidia_h100_sxm", "int4");
        c.Activations.Id.Should().Be("bf16");
        c.KvCache.Id.Should().Be("bf16");
    }

    [Fact]
    public void Create_Fp8Weights_DefaultToFp8Activations() => TestCatalog.Config("llama-2-70b", "nvidia_h100_sxm", "fp8").Activations.Id.Should().Be("fp8");

    [Fact]
    public void Create_ComputesReplicas()
    {
        var c = TestCatalog.Config("llama-3-8b", "nvidia_h100_sxm", devices: 8, tp: 2);
        c.Replicas.Should().Be(4);
        c.DevicesPerReplica.Should().Be(2);
    }

    [Fact]
    public void Create_DevicesNotMultipleOfLayout_Throws()
    {
        var act = () => TestCatalog.Config("llama-3-8b", "nvidia_h100_sxm", devices: 3, tp: 2);
        act.Should().Throw<ArgumentException>().Which.ParamName.Should().Be("Devices");
    }

    [Fact]
    public void Create_WeightOnlyActivationFormat_Throws()
    {
        var act = () => TestCatalog.Config("llama-3-8b", "nvidia_h100_sxm", "int4", activations: "int4");
        act.Should().Throw<ArgumentException>().Where(e => e.Message.Contains("weights only", StringComparison.Ordinal));
    }

    [Fact]
    public void Create_TensorParallelWithoutInterconnect_Throws()
    {
        var act = () => TestCatalog.Config("llama-2-7b", "apple_m3_max", devices: 2);
        act.Should().Throw<ArgumentException>().Where(e => e.Message.Contains("interconnect", StringComparison.Ordinal));
    }

    [Fact]
    public void Create_UnknownModel_ThrowsUnknownId()
    {
        var act = () => TestCatalog.Config("llama-9", "nvidia_h100_sxm");
        act.Should().Throw<UnknownIdException>().Which.Kind.Should().Be(CatalogEntryKind.Model);
    }

    [Fact]
    public void Devices_Zero_ThrowsNamingProperty()
    {
        var act = () => TestCatalog.Config("llama-3-8b", "nvidia_h100_sxm") with { Devices = 0 };
        act.Should().Throw<ArgumentOutOfRangeException>().Which.ParamName.Should().Be("Devices");
    }
}
