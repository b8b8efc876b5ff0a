using System;
using System.Globalization;
using System.Text;

namespace Guardrails.Slo.Prometheus;

/// <summary>
/// Durations written the way Prometheus writes them (<c>model.Duration.String</c>), which is how Sloth names its
/// rules and windows: 5m, 1h, 1d, 30d, and whole weeks as weeks (28 days is <c>4w</c>, so a 28-day SLO's
/// period rule is <c>slo:sli_error:ratio_rate4w</c>, exactly as Sloth generates it).
/// </summary>
public static class PrometheusDuration
{
    private const long MillisecondsPerSecond = 1000;
    private const long MillisecondsPerMinute = 60 * MillisecondsPerSecond;
    private const long MillisecondsPerHour = 60 * MillisecondsPerMinute;
    private const long MillisecondsPerDay = 24 * MillisecondsPerHour;
    private const long MillisecondsPerWeek = 7 * MillisecondsPerDay;
    private const long MillisecondsPerYear = 365 * MillisecondsPerDay;

    public static string Format(TimeSpan duration)
    {
        if (duration < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(duration), duration, "A Prometheus duration cannot be negative.");
        }

        var remaining = duration.Ticks / TimeSpan.TicksPerMillisecond;
        if (remaining == 0)
        {
            return "0s";
        }

        var text = new StringBuilder();

        // Years and weeks only when they divide the whole duration: 90d reads better than 12w6d.
        Append(text, ref remaining, "y", MillisecondsPerYear, onlyWhenExact: true);
        Append(text, ref remaining, "w", MillisecondsPerWeek, onlyWhenExact: true);
        Append(text, ref remaining, "d", MillisecondsPerDay, onlyWhenExact: false);
        Append(text, ref remaining, "h", MillisecondsPerHour, onlyWhenExact: false);
        Append(text, ref remaining, "m", MillisecondsPerMinute, onlyWhenExact: false);
        Append(text, ref remaining, "s", MillisecondsPerSecond, onlyWhenExact: false);
        Append(text, ref remaining, "ms", 1, onlyWhenExact: false);
        return text.ToString();
    }

    private static void Append(StringBuilder text, ref long remaining, string unit, long unitMilliseconds, bool onlyWhenExact)
    {
        if (onlyWhenExact && remaining % unitMilliseconds != 0)
        {
            return;
        }

        var count = remaining / unitMilliseconds;
        if (count > 0)
        {
            text.Append(count.ToString(CultureInfo.InvariantCulture)).Append(unit);
            remaining -= count * unitMilliseconds;
        }
    }
}
