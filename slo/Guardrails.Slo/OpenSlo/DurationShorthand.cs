using System;
using System.Globalization;

namespace Guardrails.Slo.OpenSlo;

/// <summary>
/// OpenSLO's duration-shorthand: a positive whole number and one case-sensitive unit, m h d w M Q Y
/// ("28d", "1w", "1M"). A month is 30 days, a quarter 90, a year 365, as the OpenSLO go-sdk counts them.
/// </summary>
internal readonly record struct DurationShorthand(int Value, char Unit)
{
    public const string Units = "mhdwMQY";

    public TimeSpan ToTimeSpan() => Unit switch
    {
        'm' => TimeSpan.FromMinutes(Value),
        'h' => TimeSpan.FromHours(Value),
        'd' => TimeSpan.FromDays(Value),
        'w' => TimeSpan.FromDays(7.0 * Value),
        'M' => TimeSpan.FromDays(30.0 * Value),
        'Q' => TimeSpan.FromDays(90.0 * Value),
        _ => TimeSpan.FromDays(365.0 * Value),
    };

    public static bool TryParse(string text, out DurationShorthand duration)
    {
        duration = default;
        if (text.Length < 2 || Units.IndexOf(text[text.Length - 1]) < 0)
        {
            return false;
        }

        var digits = text.Substring(0, text.Length - 1);
        foreach (var character in digits)
        {
            if (character is < '0' or > '9')
            {
                return false;
            }
        }

        // Whole days of years must still fit a TimeSpan; nobody means a window longer than a century.
        if (!int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value <= 0 || value > 36_500)
        {
            return false;
        }

        duration = new DurationShorthand(value, text[text.Length - 1]);
        return true;
    }

    public override string ToString() => Value.ToString(CultureInfo.InvariantCulture) + Unit;
}
