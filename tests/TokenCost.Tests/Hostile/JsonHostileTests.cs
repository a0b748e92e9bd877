using System.Text;
using TokenCost.Catalogs;
using TokenCost.Serving;
using static TokenCost.Tests.Hostile.JsonInputs;

namespace TokenCost.Tests.Hostile;

public class JsonHostileTests
{
    [Fact]
    public void ValidOverride_Loads()
    {
        Override(OverrideFile()).GetModel("mixtral-8x7b").Experts.Should().Be(8);
    }

    [Fact]
    public void UnknownKey_IsRejectedWithFileLineAndKey()
    {
        var json = OverrideFile().Replace("\"memoryGb\"", "\"memoryGB\"", StringComparison.Ordinal);
        var ex = FluentActions.Invoking(() => Override(json)).Should().Throw<CatalogException>().Which;
        ex.File.Should().Be("override.json");
        ex.Line.Should().Be(LineOf(json, "\"memoryGB\""));
        ex.Message.Should().Contain("memoryGB");
    }

    [Fact]
    public void DuplicateKey_IsRejectedWithLine()
    {
        var json = OverrideFile().Replace("\"memoryGb\": 80,", "\"memoryGb\": 80,\n\"memoryGb\": 81,", StringComparison.Ordinal);
        json.Should().Contain("\"memoryGb\": 81");
        var ex = FluentActions.Invoking(() => Override(json)).Should().Throw<CatalogException>().Which;
        ex.Line.Should().NotBeNull();
        ex.Message.Should().Contain("memoryGb");
    }

    [Fact]
    public void DuplicateDictionaryKey_InProfiles_IsRejected()
    {
        var json = """{ "stacks": { "vllm": { "maxBatch": 8 }, "vllm": { "maxBatch": 9 } } }""";
        FluentActions.Invoking(() => ServingProfiles.Parse(json, "p.json")).Should().Throw<CatalogException>().WithMessage("p.json:1:*");
    }

    [Theory]
    [InlineData("\"memoryGb\": 80", "\"memoryGb\": \"eighty\"")]
    [InlineData("\"memoryGb\": 80", "\"memoryGb\": NaN")]
    [InlineData("\"memoryGb\": 80", "\"memoryGb\": 1e400")]
    [InlineData("\"memoryGb\": 80", "\"memoryGb\": [80]")]
    [InlineData("\"layers\": 32", "\"layers\": 32.5")]
    [InlineData("\"layers\": 32", "\"layers\": 99999999999")]
    [InlineData("\"estimate\": false", "\"estimate\": \"no\"")]
    public void WrongType_IsRejectedWithTheLineOfTheValue(string valid, string invalid)
    {
        var original = OverrideFile();
        original.Should().Contain(valid);
        var json = original.Replace(valid, invalid, StringComparison.Ordinal);
        var ex = FluentActions.Invoking(() => Override(json)).Should().Throw<CatalogException>().Which;
        ex.Line.Should().Be(LineOf(json, invalid));
    }

    [Theory]
    [InlineData("\"memoryGb\": 80", "\"memoryGb\": -80", "memoryGb")]
    [InlineData("\"memoryGb\": 80", "\"memoryGb\": 0", "memoryGb")]
    [InlineData("\"layers\": 32", "\"layers\": 0", "layers")]
    [InlineData("\"expertsPerToken\": 2", "\"expertsPerToken\": 9", "expertsPerToken")]
    [InlineData("\"expertsPerToken\": 2", "\"expertsPerToken\": 0", "expertsPerToken")]
    [InlineData("\"moeIntermediate\": 14336", "\"moeIntermediate\": 0", "moeIntermediate")]
    [InlineData("\"attention\": \"gqa\"", "\"attention\": \"sparse\"", "attention")]
    public void MeaninglessValue_IsRejectedNamingFileEntryAndKey(string valid, string invalid, string key)
    {
        var original = OverrideFile();
        original.Should().Contain(valid);
        var ex = FluentActions.Invoking(() => Override(original.Replace(valid, invalid, StringComparison.Ordinal))).Should().Throw<CatalogException>().Which;
        ex.Message.Should().Contain("override.json").And.Contain(key);
    }

    [Theory]
    [InlineData("{ \"hardware\": [], }")]
    [InlineData("{ /* comment */ \"hardware\": [] }")]
    [InlineData("{ \"hardware\": [] } trailing")]
    [InlineData("")]
    [InlineData("null")]
    [InlineData("[]")]
    [InlineData("{ \"hardware\": [ null ] }")]
    [InlineData("\u00ff\u00fe")]
    public void Garbage_IsATypedError(string json)
    {
        FluentActions.Invoking(() => Override(json)).Should().Throw<Exception>().Which.Should().BeAssignableTo<CatalogException>();
    }

    [Fact]
    public void DeepNesting_IsRejectedNotAStackOverflow()
    {
        var json = "{\"hardware\":" + new string('[', 100_000) + new string(']', 100_000) + "}";
        FluentActions.Invoking(() => Override(json)).Should().Throw<CatalogException>();
        var profiles = "{\"stacks\":{\"a\":{\"weightFormatEfficiency\":" + string.Concat(Enumerable.Repeat("{\"x\":", 64)) + "1" + new string('}', 64) + "}}}";
        FluentActions.Invoking(() => ServingProfiles.Parse(profiles)).Should().Throw<CatalogException>();
    }

    [Fact]
    public void OversizedInput_IsRejectedBeforeParsing()
    {
        using var endless = new EndlessSpaces();
        FluentActions.Invoking(() => Catalog.Default.WithOverrides(endless, "big.json")).Should().Throw<CatalogException>().WithMessage("big.json:*limit*");
        FluentActions.Invoking(() => ServingProfiles.Parse(new string(' ', 16_000_001), "big.json")).Should().Throw<CatalogException>().WithMessage("big.json:*limit*");
    }

    [Fact]
    public void MissingFile_IsACatalogErrorNamingIt()
    {
        var path = Path.Combine(Path.GetTempPath(), "tokencost-missing-" + Guid.NewGuid().ToString("N") + ".json");
        FluentActions.Invoking(() => Catalog.Default.WithOverrides(path)).Should().Throw<CatalogException>().Which.File.Should().Be(path);
        FluentActions.Invoking(() => ServingProfiles.Load(path)).Should().Throw<CatalogException>().Which.File.Should().Be(path);
    }

    [Fact]
    public void OverrideFileOnDisk_ErrorsNameThePathAndLine()
    {
        var path = Path.Combine(Path.GetTempPath(), "tokencost-bad-" + Guid.NewGuid().ToString("N") + ".json");
        File.WriteAllText(path, "{\n  \"hardware\": [\n    { \"id\": 5 }\n  ]\n}\n", Encoding.UTF8);
        try
        {
            var ex = FluentActions.Invoking(() => Catalog.Default.WithOverrides(path)).Should().Throw<CatalogException>().Which;
            ex.File.Should().Be(path);
            ex.Line.Should().Be(3);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("\"bandwidthEfficiency\": 0.8", "\"bandwidthEfficiency\": 1.8", "BandwidthEfficiency")]
    [InlineData("\"bandwidthEfficiency\": 0.8", "\"bandwidthEfficiency\": -0.8", "BandwidthEfficiency")]
    [InlineData("\"maxBatch\": 256", "\"maxBatch\": 0", "MaxBatch")]
    [InlineData("\"int4\": 0.", "\"int4\": -0.", "int4")]
    [InlineData("\"bandwidthEfficiency\": 0.8", "\"bandwidthEfficency\": 0.8", "bandwidthEfficency")]
    public void Profiles_BadValues_AreRejectedNamingTheKey(string valid, string invalid, string key)
    {
        var original = Profiles();
        original.Should().Contain(valid);
        FluentActions.Invoking(() => ServingProfiles.Parse(original.Replace(valid, invalid, StringComparison.Ordinal), "profiles.json"))
            .Should().Throw<CatalogException>().WithMessage($"*profiles.json*{key}*");
    }

    private sealed class EndlessSpaces : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            buffer.AsSpan(offset, count).Fill((byte)' ');
            return count;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
