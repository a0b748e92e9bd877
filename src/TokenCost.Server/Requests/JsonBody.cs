using System.Buffers;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http;

namespace TokenCost.Server.Requests;

/// <summary>
/// Reads a request body as one JSON object of a source-generated contract, within a byte limit; an empty body means every default.
/// Errors name the offending property and what it must be, never the parser's text.
/// </summary>
internal static class JsonBody
{
    private static readonly byte[] EmptyObject = "{}"u8.ToArray();

    /// <summary>Reads and deserializes the body.</summary>
    /// <typeparam name="T">The contract.</typeparam>
    /// <param name="request">The request.</param>
    /// <param name="typeInfo">The contract's source-generated metadata.</param>
    /// <param name="maxBytes">The largest body accepted, in bytes.</param>
    /// <returns>The contract.</returns>
    /// <exception cref="RequestTooLargeException">The body exceeds <paramref name="maxBytes"/>.</exception>
    /// <exception cref="RequestValidationException">The body is not a JSON object of the contract's shape.</exception>
    public static async ValueTask<T> ReadAsync<T>(HttpRequest request, JsonTypeInfo<T> typeInfo, long maxBytes)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(typeInfo);
        if (request.ContentLength > maxBytes)
        {
            throw new RequestTooLargeException(string.Create(CultureInfo.InvariantCulture, $"the request body must not exceed {maxBytes} bytes."));
        }

        if (request.ContentLength is not 0 && request.ContentType is { } type && !type.Contains("json", StringComparison.OrdinalIgnoreCase))
        {
            throw new RequestValidationException("request", "the request body must be JSON (Content-Type: application/json).");
        }

        var buffer = ArrayPool<byte>.Shared.Rent(4096);
        try
        {
            var length = 0;
            while (true)
            {
                if (length == buffer.Length)
                {
                    if (length > maxBytes)
                    {
                        throw new RequestTooLargeException(string.Create(CultureInfo.InvariantCulture, $"the request body must not exceed {maxBytes} bytes."));
                    }

                    var larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                    buffer.AsSpan(0, length).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }

                int read;
                try
                {
                    read = await request.Body.ReadAsync(buffer.AsMemory(length), request.HttpContext.RequestAborted).ConfigureAwait(false);
                }
                catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
                {
                    throw new RequestTooLargeException(string.Create(CultureInfo.InvariantCulture, $"the request body must not exceed {maxBytes} bytes."), ex);
                }

                if (read == 0)
                {
                    break;
                }

                length += read;
                if (length > maxBytes)
                {
                    throw new RequestTooLargeException(string.Create(CultureInfo.InvariantCulture, $"the request body must not exceed {maxBytes} bytes."));
                }
            }

            var json = IsBlank(buffer.AsSpan(0, length)) ? EmptyObject : buffer.AsSpan(0, length);
            return Deserialize(json, typeInfo);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Deserializes one JSON object, naming the offending property on failure.</summary>
    /// <typeparam name="T">The contract.</typeparam>
    /// <param name="json">The UTF-8 JSON.</param>
    /// <param name="typeInfo">The contract's metadata.</param>
    /// <returns>The contract.</returns>
    public static T Deserialize<T>(ReadOnlySpan<byte> json, JsonTypeInfo<T> typeInfo)
    {
        ArgumentNullException.ThrowIfNull(typeInfo);
        try
        {
            return JsonSerializer.Deserialize(json, typeInfo) ?? throw new RequestValidationException("request", "the request body must be one JSON object, not null.");
        }
        catch (JsonException ex)
        {
            throw Describe(ex, typeInfo);
        }
    }

    private static RequestValidationException Describe(JsonException ex, JsonTypeInfo typeInfo)
    {
        var field = TopLevelProperty(ex.Path);
        var shape = "see /openapi/v1.json for the request schema";
        if (field is null)
        {
            return new RequestValidationException("request", $"the request body must be one well-formed JSON object (at most {Contracts.RequestLimits.MaxJsonDepth} levels deep); {shape}.");
        }

        var property = typeInfo.Properties.FirstOrDefault(p => p.Name == field);
        if (property is null)
        {
            var allowed = string.Join(", ", typeInfo.Properties.Select(p => p.Name));
            return new RequestValidationException(field, $"{field} is not a property of this request; allowed: {allowed}.");
        }

        return new RequestValidationException(field, $"{field} must be {Describe(property.PropertyType, field)}; {shape}.");
    }

    private static string Describe(Type type, string field)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        if (field == "batch")
        {
            return "an integer ≥ 1 or \"auto\"";
        }

        if (t == typeof(int))
        {
            return "an integer (JSON number without a fraction, within 32 bits)";
        }

        if (t == typeof(double))
        {
            return "a finite JSON number";
        }

        if (t == typeof(string))
        {
            return "a string";
        }

        if (t == typeof(bool))
        {
            return "true or false";
        }

        if (t == typeof(JsonElement))
        {
            return "a JSON object";
        }

        return t.IsGenericType && t.GetGenericArguments()[0] == typeof(int) ? "an array of integers" : t.IsGenericType ? "an array of strings" : "a value of the documented type";
    }

    private static string? TopLevelProperty(string? path)
    {
        if (path is null || !path.StartsWith("$.", StringComparison.Ordinal))
        {
            if (path is not null && path.StartsWith("$['", StringComparison.Ordinal))
            {
                var end = path.IndexOf("']", StringComparison.Ordinal);
                return end > 3 ? path[3..end] : null;
            }

            return null;
        }

        var rest = path.AsSpan(2);
        var stop = rest.IndexOfAny('.', '[');
        return (stop < 0 ? rest : rest[..stop]).ToString();
    }

    private static bool IsBlank(ReadOnlySpan<byte> bytes)
    {
        foreach (var b in bytes)
        {
            if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
            {
                return false;
            }
        }

        return true;
    }
}
