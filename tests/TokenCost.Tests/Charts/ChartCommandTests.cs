using System.CommandLine;
using TokenCost.Cli.Commands;

namespace TokenCost.Tests.Charts;

public sealed class ChartCommandTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("tokencost-chart-cli-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Theory]
    [InlineData("roofline", "svg")]
    [InlineData("compare", "png")]
    [InlineData("curve", "svg")]
    public void Chart_DefaultsWithOut_WritesTheFormatOfTheExtension(string kind, string extension)
    {
        var path = Path.Combine(_directory, kind + "." + extension);

        var exit = Invoke("chart", kind, "--out", path, "--width", "320", "--height", "200");

        exit.Should().Be(0);
        var bytes = File.ReadAllBytes(path);
        if (extension == "png")
        {
            bytes.Take(4).Should().Equal(0x89, (byte)'P', (byte)'N', (byte)'G');
        }
        else
        {
            System.Text.Encoding.UTF8.GetString(bytes).TrimStart().Should().Match(s => s.StartsWith("<svg", StringComparison.Ordinal) || s.StartsWith("<?xml", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Chart_OutWithAnotherExtension_FailsAsInvalidInputWithoutWriting()
    {
        var path = Path.Combine(_directory, "chart.jpg");

        var exit = Invoke("chart", "frontier", "--out", path);

        exit.Should().Be(2);
        File.Exists(path).Should().BeFalse();
    }

    private static int Invoke(params string[] args)
    {
        var root = new RootCommand { ChartCommand.Create() };
        return root.Parse(args).Invoke();
    }
}
