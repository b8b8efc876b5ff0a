using System;
using System.Globalization;
using Guardrails.Delivery;

namespace Guardrails.Cli.Commands.Delivery;

/// <summary>How the delivery commands read option values; a bad value is a GR6007 error naming the option.</summary>
internal static class DeliveryOptions
{
    /// <summary><c>YYYY-MM-DD</c> (midnight UTC) or an ISO 8601 time with an offset.</summary>
    public static DateTimeOffset? Date(string option, string? text)
    {
        if (text is null)
        {
            return null;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        }

        return Timestamps.Parse(text) ?? throw new DeliveryInputException($"{option} '{text}' is not a date (YYYY-MM-DD, midnight UTC) or an ISO 8601 time with an offset such as 2026-03-02T14:05:00Z.");
    }

    public static TEnum Choice<TEnum>(string option, string text)
        where TEnum : struct, Enum =>
        Enum.TryParse<TEnum>(text, ignoreCase: true, out var value) && Enum.IsDefined(value) && !int.TryParse(text, out _)
            ? value
            : throw new DeliveryInputException($"{option} '{text}' is not one of {string.Join(", ", Enum.GetNames<TEnum>()).ToLowerInvariant()}.");

    public static int Positive(string option, int value) =>
        value > 0 ? value : throw new DeliveryInputException($"{option} {value} must be 1 or more.");
}
