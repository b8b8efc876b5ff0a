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

    /// <summary>A positive whole number of days, hours or minutes: <c>3d</c>, <c>36h</c>, <c>90m</c>.</summary>
    public static TimeSpan Duration(string option, string text)
    {
        var unit = text.Length > 1 ? text[^1] : ' ';
        if (int.TryParse(text.AsSpan(0, Math.Max(text.Length - 1, 0)), NumberStyles.None, CultureInfo.InvariantCulture, out var amount) && amount > 0)
        {
            switch (unit)
            {
                case 'd':
                    return TimeSpan.FromDays(amount);
                case 'h':
                    return TimeSpan.FromHours(amount);
                case 'm':
                    return TimeSpan.FromMinutes(amount);
            }
        }

        throw new DeliveryInputException($"{option} '{text}' is not a positive whole number of days, hours or minutes, such as 3d, 36h or 90m.");
    }

    public static int Positive(string option, int value) =>
        value > 0 ? value : throw new DeliveryInputException($"{option} {value} must be 1 or more.");
}
