using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace TokenCost.Server.Tests.Support;

/// <summary>Small JSON helpers for the API tests.</summary>
internal static class Json
{
    public static async Task<(HttpResponseMessage Response, JsonNode? Body, string Text)> PostAsync(HttpClient client, string path, string json)
    {
        using var content = new StringContent(json, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        var response = await client.PostAsync(new Uri(path, UriKind.Relative), content);
        var text = await response.Content.ReadAsStringAsync();
        JsonNode? body = null;
        try
        {
            body = JsonNode.Parse(text);
        }
        catch (System.Text.Json.JsonException)
        {
        }

        return (response, body, text);
    }

    /// <summary>Asserts that every property of <paramref name="expected"/> (recursively) is in <paramref name="actual"/> with an equal value.</summary>
    public static void ShouldContain(JsonNode? actual, JsonNode? expected, string path = "$")
    {
        switch (expected)
        {
            case null:
                actual.Should().BeNull(path);
                break;
            case JsonObject obj:
                actual.Should().BeOfType<JsonObject>(path);
                foreach (var (key, value) in obj)
                {
                    ((JsonObject)actual!).ContainsKey(key).Should().BeTrue($"{path}.{key} is in the CLI's output");
                    ShouldContain(actual![key], value, $"{path}.{key}");
                }

                break;
            case JsonArray array:
                actual.Should().BeOfType<JsonArray>(path);
                ((JsonArray)actual!).Count.Should().Be(array.Count, path);
                for (var i = 0; i < array.Count; i++)
                {
                    ShouldContain(actual![i], array[i], $"{path}[{i}]");
                }

                break;
            default:
                actual!.ToJsonString().Should().Be(expected.ToJsonString(), path);
                break;
        }
    }
}
