using System;
using System.Globalization;
using System.Text.Json;

namespace Guardrails.Gate.Prometheus;

/// <summary>
/// Reads the body of <c>/api/v1/query</c> (https://prometheus.io/docs/prometheus/latest/querying/api/):
/// a vector of at most one sample, or a scalar. Null means an empty vector; anything else unexpected is a
/// <see cref="PrometheusQueryException"/> naming what was wrong.
/// </summary>
internal static class PrometheusResponseReader
{
    public static double? ReadSingleValue(string body)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException exception)
        {
            throw new PrometheusQueryException($"the answer is not JSON ({exception.Message}); starts with: {Preview(body)}", isTransient: false, exception);
        }

        using (document)
        {
            return ReadData(document.RootElement, body);
        }
    }

    /// <summary>The <c>errorType</c> and <c>error</c> of an error body, or null when the body is not one.</summary>
    public static (string Type, string Message)? ReadError(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object
                && root.TryGetProperty("errorType", out var type) && type.ValueKind == JsonValueKind.String
                && root.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.String)
            {
                return (type.GetString()!, error.GetString()!);
            }
        }
        catch (JsonException)
        {
            // Not Prometheus's error format (a proxy's HTML page, say); the caller reports the status code.
        }

        return null;
    }

    private static double? ReadData(JsonElement root, string body)
    {
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("status", out var status) || status.ValueKind != JsonValueKind.String)
        {
            throw Unexpected("no \"status\" field", body);
        }

        if (status.GetString() != "success")
        {
            var error = ReadError(body);
            throw new PrometheusQueryException($"Prometheus answered status '{status.GetString()}': {error?.Message ?? Preview(body)}", isTransient: false);
        }

        if (!root.TryGetProperty("data", out var data) || data.ValueKind != JsonValueKind.Object
            || !data.TryGetProperty("resultType", out var resultType) || !data.TryGetProperty("result", out var result))
        {
            throw Unexpected("no \"data\" with \"resultType\" and \"result\"", body);
        }

        return resultType.GetString() switch
        {
            "vector" => ReadVector(result, body),
            "scalar" => ReadSample(result, body),
            var other => throw Unexpected($"result type '{other}' where a vector or scalar was expected", body),
        };
    }

    private static double? ReadVector(JsonElement result, string body)
    {
        if (result.ValueKind != JsonValueKind.Array)
        {
            throw Unexpected("a vector result that is not an array", body);
        }

        return result.GetArrayLength() switch
        {
            0 => null,
            1 when result[0].ValueKind == JsonValueKind.Object && result[0].TryGetProperty("value", out var value) => ReadSample(value, body),
            1 => throw Unexpected("a vector element without \"value\"", body),
            var count => throw Unexpected($"{count} series where the aggregated query should return one", body),
        };
    }

    private static double ReadSample(JsonElement sample, string body)
    {
        if (sample.ValueKind != JsonValueKind.Array || sample.GetArrayLength() != 2 || sample[1].ValueKind != JsonValueKind.String)
        {
            throw Unexpected("a sample that is not [timestamp, \"value\"]", body);
        }

        var text = sample[1].GetString()!;
        return text switch
        {
            "NaN" => double.NaN,
            "+Inf" or "Inf" => double.PositiveInfinity,
            "-Inf" => double.NegativeInfinity,
            _ when double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) => value,
            _ => throw Unexpected($"the sample value '{text}' is not a number", body),
        };
    }

    private static PrometheusQueryException Unexpected(string what, string body) =>
        new($"the answer is not a Prometheus query result: {what}; starts with: {Preview(body)}", isTransient: false);

    private static string Preview(string body)
    {
        var flattened = body.ReplaceLineEndings(" ").Trim();
        return flattened.Length <= 120 ? flattened : string.Concat(flattened.AsSpan(0, 120), "...");
    }
}
