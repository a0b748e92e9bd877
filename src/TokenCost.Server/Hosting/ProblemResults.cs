using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using TokenCost.Server.Contracts;

namespace TokenCost.Server.Hosting;

/// <summary>Writes RFC 9457 problem details (<c>application/problem+json</c>) with messages written by the service, never exception text.</summary>
internal static class ProblemResults
{
    /// <summary>The media type of problem details.</summary>
    public const string MediaType = "application/problem+json";

    /// <summary>Writes a 400 naming the field and what is allowed.</summary>
    /// <param name="context">The HTTP context.</param>
    /// <param name="field">The request field (JSON property name).</param>
    /// <param name="message">What is allowed.</param>
    /// <returns>The write.</returns>
    public static Task WriteInvalidAsync(HttpContext context, string field, string message)
    {
        var problem = new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field] = [message] })
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "The request has an invalid value.",
            Detail = message,
            Type = "https://tools.ietf.org/html/rfc9110#section-15.5.1",
        };
        return WriteAsync(context, problem);
    }

    /// <summary>Writes a problem with a status and a fixed message.</summary>
    /// <param name="context">The HTTP context.</param>
    /// <param name="status">The status code.</param>
    /// <param name="title">The title.</param>
    /// <param name="detail">The detail, or null.</param>
    /// <returns>The write.</returns>
    public static Task WriteAsync(HttpContext context, int status, string title, string? detail = null) =>
        WriteAsync(context, new ProblemDetails { Status = status, Title = title, Detail = detail });

    private static Task WriteAsync(HttpContext context, ProblemDetails problem)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Response.HasStarted)
        {
            return Task.CompletedTask;
        }

        context.Response.Clear();
        context.Response.StatusCode = problem.Status ?? StatusCodes.Status500InternalServerError;
        return problem is HttpValidationProblemDetails validation
            ? context.Response.WriteAsJsonAsync(validation, ServerJsonContext.Default.HttpValidationProblemDetails, MediaType, context.RequestAborted)
            : context.Response.WriteAsJsonAsync(problem, ServerJsonContext.Default.ProblemDetails, MediaType, context.RequestAborted);
    }
}
