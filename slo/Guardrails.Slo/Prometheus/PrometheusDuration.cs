using System;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Guardrails.Slo.Prometheus;

/// <summary>
/// A duration in Prometheus notation (<c>200ms</c>, <c>30s</c>, <c>5m</c>, <c>1h30m</c>, <c>4w</c>).
/// <see cref="Format"/> writes one the way Prometheus writes it (<c>model.Duration.String</c>), which is how Sloth
/// names its rules and windows: 5m, 1h, 1d, 30d, and whole weeks as weeks (28 days is <c>4w</c>, so a 28-day SLO's
/// period rule is <c>slo:sli_error:ratio_rate4w</c>, exactly as Sloth generates it).
/// <see cref="TryParse"/> reads what a user wrote for a window or an interval, keeping the text as written so it
/// can go into a range selector unchanged.
/// </summary>
public sealed record PrometheusDuration(string Text, TimeSpan Value)
{
    private const long MillisecondsPerSecond = 1000;
    private const long MillisecondsPerMinute = 60 * MillisecondsPerSecond;
    private const long MillisecondsPerHour = 60 * MillisecondsPerMinute;
    private const long MillisecondsPerDay = 24 * MillisecondsPerHour;
    private const long MillisecondsPerWeek = 7 * MillisecondsPerDay;
    private const long MillisecondsPerYear = 365 * MillisecondsPerDay;

    // Far beyond any window or interval, and far from TimeSpan's overflow.
    private static readonly TimeSpan MaximumValue = TimeSpan.FromDays(365 * 100);

    // Units in the order Prometheus requires them (model.ParseDuration): y w d h m s ms, each at most once.
    // ASCII digits only: \d would also accept digits of other scripts, which the number parser then rejects.
    private static readonly Regex DurationPattern = new(
        @"^([0-9]{1,9}y)?([0-9]{1,9}w)?([0-9]{1,9}d)?([0-9]{1,9}h)?([0-9]{1,9}m)?([0-9]{1,9}s)?([0-9]{1,9}ms)?$",
        RegexOptions.CultureInvariant);

    private static readonly Regex PartPattern = new(@"(?<amount>[0-9]{1,9})(?<unit>ms|y|w|d|h|m|s)", RegexOptions.CultureInvariant);

    /// <summary>
    /// Reads a positive duration of at most 100 years written as Prometheus writes it; false for anything else,
    /// including zero, which no window, range or interval can be.
    /// </summary>
    public static bool TryParse(string? text, out PrometheusDuration duration)
    {
        duration = new PrometheusDuration(string.Empty, TimeSpan.Zero);
        if (string.IsNullOrWhiteSpace(text) || !DurationPattern.IsMatch(text))
        {
            return false;
        }

        var totalMilliseconds = 0.0;
        foreach (Match part in PartPattern.Matches(text))
        {
            var amount = double.Parse(part.Groups["amount"].Value, CultureInfo.InvariantCulture);
            totalMilliseconds += amount * part.Groups["unit"].Value switch
            {
                "ms" => 1,
                "s" => MillisecondsPerSecond,
                "m" => MillisecondsPerMinute,
                "h" => MillisecondsPerHour,
                "d" => MillisecondsPerDay,
                "w" => MillisecondsPerWeek,
                _ => MillisecondsPerYear,
            };
        }

        if (totalMilliseconds <= 0 || totalMilliseconds > MaximumValue.TotalMilliseconds)
        {
            return false;
        }

        duration = new PrometheusDuration(text!, TimeSpan.FromMilliseconds(totalMilliseconds));
        return true;
    }

    /// <exception cref="FormatException"><paramref name="text"/> is not a positive Prometheus duration.</exception>
    public static PrometheusDuration Parse(string text) =>
        TryParse(text, out var duration)
            ? duration
            : throw new FormatException($"'{text}' is not a positive Prometheus duration such as 200ms, 30s, 5m or 1h30m.");

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

    /// <summary>The text as written, which is what a range selector or a message shows.</summary>
    public override string ToString() => Text;

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
