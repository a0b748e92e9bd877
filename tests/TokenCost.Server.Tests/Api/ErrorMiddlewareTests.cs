using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;
using TokenCost.Server.Hosting;

namespace TokenCost.Server.Tests.Api;

public sealed class ErrorMiddlewareTests
{
    [Fact]
    public async Task UnexpectedException_BecomesAGeneric500Problem_WithoutItsText()
    {
        var middleware = new ErrorMiddleware(_ => throw new InvalidOperationException("secret detail at /srv/tokencost/Program.cs:line 42"), NullLogger<ErrorMiddleware>.Instance);
        var context = new DefaultHttpContext();
        context.Response.Body = new MemoryStream();

        await middleware.InvokeAsync(context);

        context.Response.StatusCode.Should().Be(500);
        context.Response.ContentType.Should().StartWith("application/problem+json");
        context.Response.Body.Position = 0;
        var text = await new StreamReader(context.Response.Body).ReadToEndAsync();
        text.Should().NotContain("secret").And.NotContain("Program.cs").And.NotContain("InvalidOperationException");
        JsonNode.Parse(text)!["status"]!.GetValue<int>().Should().Be(500);
    }
}
