using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using TokenCost.Server.Requests;

namespace TokenCost.Server.Hosting;

/// <summary>
/// The service's last line of defence: request errors become 400/413 problems naming the field; anything unexpected becomes a generic 500
/// problem (logged here, never sent); a request the client abandoned ends quietly.
/// </summary>
/// <param name="next">The rest of the pipeline.</param>
/// <param name="logger">The logger.</param>
internal sealed partial class ErrorMiddleware(RequestDelegate next, ILogger<ErrorMiddleware> logger)
{
    /// <summary>Runs the rest of the pipeline, turning exceptions into problems.</summary>
    /// <param name="context">The HTTP context.</param>
    /// <returns>The work.</returns>
    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        try
        {
            await next(context).ConfigureAwait(false);
        }
        catch (RequestValidationException ex)
        {
            await ProblemResults.WriteInvalidAsync(context, ex.Field, ex.Message).ConfigureAwait(false);
        }
        catch (RequestTooLargeException ex)
        {
            await ProblemResults.WriteAsync(context, StatusCodes.Status413PayloadTooLarge, "The request body is too large.", ex.Message).ConfigureAwait(false);
        }
        catch (BadHttpRequestException ex)
        {
            await ProblemResults.WriteAsync(context, ex.StatusCode, "The request could not be read.").ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away (or the request timed out and the timeout middleware already answered): nothing to send.
        }
#pragma warning disable CA1031 // The last line of defence must catch everything so that no exception text reaches a client.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogUnexpected(logger, ex, context.Request.Path);
            await ProblemResults.WriteAsync(context, StatusCodes.Status500InternalServerError, "The service failed to answer this request.", "The error was logged on the server.").ConfigureAwait(false);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Unexpected error answering {Path}")]
    private static partial void LogUnexpected(ILogger logger, Exception exception, PathString path);
}
