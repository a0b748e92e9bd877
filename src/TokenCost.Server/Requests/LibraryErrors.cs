using TokenCost.Catalogs;
using TokenCost.Server.Contracts;

namespace TokenCost.Server.Requests;

/// <summary>Maps the library's typed argument errors to the request field that caused them, with a message written here.</summary>
internal static class LibraryErrors
{
    /// <summary>Runs a library call, translating its argument errors.</summary>
    /// <typeparam name="T">The result type.</typeparam>
    /// <param name="call">The call.</param>
    /// <param name="request">The deployment request, to tell which format field an unknown format id came from; or null.</param>
    /// <returns>The result.</returns>
    public static T Translate<T>(Func<T> call, DeploymentRequest? request = null)
    {
        ArgumentNullException.ThrowIfNull(call);
        try
        {
            return call();
        }
        catch (ArgumentException ex)
        {
            throw ToRequestError(ex, request);
        }
    }

    /// <summary>Maps one library error to a request error.</summary>
    /// <param name="ex">The library's error.</param>
    /// <param name="request">The deployment request, or null.</param>
    /// <returns>The request error.</returns>
    public static RequestValidationException ToRequestError(ArgumentException ex, DeploymentRequest? request = null)
    {
        ArgumentNullException.ThrowIfNull(ex);
        if (ex is UnknownIdException unknown)
        {
            var field = unknown.Kind switch
            {
                CatalogEntryKind.Hardware => "hardware",
                CatalogEntryKind.Model => "model",
                CatalogEntryKind.ServingStack => "stack",
                _ when request is not null && unknown.Id == request.Activations && unknown.Id != request.Weights => "activations",
                _ when request is not null && unknown.Id == request.KvCache && unknown.Id != request.Weights => "kvCache",
                _ => "weights",
            };
            var (listing, kind) = unknown.Kind switch
            {
                CatalogEntryKind.Hardware => ("hardware", "hardware"),
                CatalogEntryKind.Model => ("models", "model"),
                CatalogEntryKind.ServingStack => ("stacks", "serving stack"),
                _ => ("formats", "format"),
            };
            return new RequestValidationException(field, $"{field} must be a known {kind} id (see GET /v1/{listing}); got '{Shorten(unknown.Id)}'.");
        }

        return ex.ParamName switch
        {
            "Devices" => new("devices", "devices must be a multiple of tensorParallel × pipelineParallel."),
            "TensorParallel" => new("tensorParallel", "tensorParallel must be an integer ≥ 1."),
            "PipelineParallel" => new("pipelineParallel", "pipelineParallel must not exceed the model's layers."),
            "Activations" => new("activations", "activations must be a compute format (bf16, fp16, fp8, int8, fp4 or fp32), not a weight-only one."),
            "KvCache" => new("kvCache", "kvCache must be a storage format for the cache (bf16, fp16, fp8, int8 or fp32), not a weight-only one."),
            "Hardware" => new("devices", "devices per replica (tensorParallel × pipelineParallel) must be 1 on this hardware: it lists no interconnect bandwidth."),
            "configuration" or "hw" => new("hardware", "this hardware lists no peak compute rate, so it cannot be estimated."),
            "context" => new("pricePerHour", "this hardware has no catalog price; give pricePerHour (USD per device-hour) or capex (USD per device)."),
            "workload" or "outputTokens" or "OutputTokens" => new("outputTokens", "inputTokens + outputTokens must not exceed 2147483647."),
            "InputTokens" => new("inputTokens", "inputTokens must be an integer ≥ 0."),
            "Batch" => new("batch", "batch must be an integer ≥ 1 or \"auto\"."),
            "c" => new("devices", "the weights leave no memory for a KV cache on this layout, so no sequence can run under a continuous load; add devices or choose a smaller weight format."),
            "Utilization" => new("utilization", "utilization must be a number in (0, 1]."),
            _ => new("request", "the request describes a deployment the estimator cannot model."),
        };
    }

    private static string Shorten(string? id) => id is null ? "" : id.Length <= 64 ? id : id[..64] + "…";
}
