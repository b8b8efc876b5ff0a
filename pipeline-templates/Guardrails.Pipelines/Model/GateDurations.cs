using System;
using System.Globalization;

namespace Guardrails.Pipelines.Model;

/// <summary>The gate's duration format (<c>30s</c>, <c>5m</c>, <c>1h</c>, <c>500ms</c>).</summary>
public static class GateDurations
{
    public static TimeSpan Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var (number, unit) = text.EndsWith("ms", StringComparison.Ordinal)
            ? (text[..^2], "ms")
            : (text[..^1], text[^1..]);
        var value = int.Parse(number, NumberStyles.None, CultureInfo.InvariantCulture);
        return unit switch
        {
            "ms" => TimeSpan.FromMilliseconds(value),
            "s" => TimeSpan.FromSeconds(value),
            "m" => TimeSpan.FromMinutes(value),
            "h" => TimeSpan.FromHours(value),
            _ => throw new FormatException($"'{text}' is not a duration such as 30s, 5m or 1h."),
        };
    }
}
