using System;
using System.Globalization;

namespace Guardrails.Slo.OpenSlo;

/// <summary>
/// OpenSLO's duration-shorthand: a whole number (0 included, as the go-sdk's <c>value</c> rule is GTE(0)) and one
/// case-sensitive unit, m h d w M Q Y ("28d", "1w", "1M"). A month is 30 days, a quarter 90, a year 365, as the OpenSLO go-sdk counts them.
/// </summary>
internal readonly record struct DurationShorthand(int Value, char Unit)
{
    public const string Units = "mhdwMQY";

    private const double MaxDays = 36_500;

    private double Days => Unit switch
    {
        'm' => Value / 1440.0,
        'h' => Value / 24.0,
        'd' => Value,
        'w' => 7.0 * Value,
        'M' => 30.0 * Value,
        'Q' => 90.0 * Value,
        _ => 365.0 * Value,
    };

    public TimeSpan ToTimeSpan() => Unit switch
    {
        'm' => TimeSpan.FromMinutes(Value),
        'h' => TimeSpan.FromHours(Value),
        _ => TimeSpan.FromDays(Days),
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

        if (!int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < 0)
        {
            return false;
        }

        // Nobody means a window longer than a century, and a TimeSpan could not hold some of them.
        var candidate = new DurationShorthand(value, text[text.Length - 1]);
        if (candidate.Days > MaxDays)
        {
            return false;
        }

        duration = candidate;
        return true;
    }

    public override string ToString() => Value.ToString(CultureInfo.InvariantCulture) + Unit;
}
