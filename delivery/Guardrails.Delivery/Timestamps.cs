using System;
using System.Globalization;

namespace Guardrails.Delivery;

/// <summary>
/// The one way exports' times are read: ISO 8601 with an explicit offset or <c>Z</c>. A time without
/// an offset is refused, since guessing the zone would move incidents between weeks.
/// </summary>
public static class Timestamps
{
    public static DateTimeOffset? Parse(string text)
    {
        var trimmed = text.Trim();
        var hasOffset = trimmed.EndsWith('Z') || trimmed.EndsWith('z')
            || (trimmed.Length > 6 && (trimmed[^6] == '+' || trimmed[^6] == '-') && trimmed[^3] == ':');
        return hasOffset && DateTimeOffset.TryParse(trimmed, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var value)
            ? value.ToUniversalTime()
            : null;
    }
}
