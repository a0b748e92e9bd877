using System.CommandLine;
using System.Text.Json;
using TokenCost.Cli.Commands;

namespace TokenCost.Tests.Validation;

[Collection("Console")]
public class PredictCommandTests
{
    [Fact]
    public void Predict_WritesOneObjectPerLineInOrder_WithErrorsForInvalidLines_AndExitsTwo()
    {
        var source = Path.Combine(AppContext.BaseDirectory, "Validation", "Data", "calibration.jsonl");
        var lines = File.ReadAllLines(source).Take(3).ToList();
        lines.Insert(1, """{"id":"broken","model":"llama-3-8b"}""");
        var file = Path.GetTempFileName();
        File.WriteAllLines(file, lines);
        var root = new RootCommand { PredictCommand.Create() };
        var original = Console.Out;
        using var output = new StringWriter();
        int code;
        try
        {
            Console.SetOut(output);
            code = root.Parse(["predict", "--cases", file]).Invoke();
        }
        finally
        {
            Console.SetOut(original);
            File.Delete(file);
        }

        code.Should().Be(2, "a line is invalid; every line is still answered");
        var objects = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        objects.Select(o => o.GetProperty("id").GetString()).Should().Equal("M003", "broken", "M004", "M005");
        objects[0].EnumerateObject().Select(p => p.Name).Should().Equal("contractVersion", "id", "metric", "predicted", "bound", "error");
        objects[0].GetProperty("error").ValueKind.Should().Be(JsonValueKind.Null);
        objects[0].GetProperty("metric").GetString().Should().Be("output_tokens_per_s_per_device");
        objects[0].GetProperty("predicted").GetDouble().Should().BePositive();
        objects[1].GetProperty("predicted").ValueKind.Should().Be(JsonValueKind.Null);
        objects[2].GetProperty("predicted").GetDouble().Should().BePositive("the lines after the invalid one are still predicted");
        objects[3].GetProperty("predicted").GetDouble().Should().BePositive();
        objects[1].GetProperty("error").GetString().Should().Contain(":2:").And.Contain("'hardware'");
    }
}
