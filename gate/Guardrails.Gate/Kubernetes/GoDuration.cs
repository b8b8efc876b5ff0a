using System;
using System.Globalization;
using System.Text;

namespace Guardrails.Gate.Kubernetes;

/// <summary>
/// A duration as Go's <c>time.ParseDuration</c> reads it (<c>1h30m</c>, <c>500ms</c>), which both controllers use
/// for their intervals. Prometheus' <c>d</c>, <c>w</c> and <c>y</c> units are not Go units, so days become hours.
/// </summary>
internal static class GoDuration
{
    public static string Format(TimeSpan duration)
    {
        var milliseconds = (long)duration.TotalMilliseconds;
        if (milliseconds <= 0)
        {
            return "0s";
        }

        var text = new StringBuilder();
        Append(text, ref milliseconds, 3_600_000, "h");
        Append(text, ref milliseconds, 60_000, "m");
        Append(text, ref milliseconds, 1_000, "s");
        Append(text, ref milliseconds, 1, "ms");
        return text.ToString();
    }

    /// <summary>
    /// One unit only, minutes when they divide the duration, else seconds (else milliseconds): Flagger's CRD
    /// accepts intervals matching <c>^[0-9]+(m|s)</c>, so <c>1h30m</c> must be written <c>90m</c>.
    /// </summary>
    public static string InMinutesOrSeconds(TimeSpan duration) =>
        duration.Ticks % TimeSpan.TicksPerMinute == 0 ? Whole(duration.TotalMinutes, "m")
        : duration.Ticks % TimeSpan.TicksPerSecond == 0 ? Whole(duration.TotalSeconds, "s")
        : Whole(Math.Ceiling(duration.TotalMilliseconds), "ms");

    private static string Whole(double count, string unit) => ((long)count).ToString(CultureInfo.InvariantCulture) + unit;

    private static void Append(StringBuilder text, ref long milliseconds, long unit, string suffix)
    {
        if (milliseconds >= unit)
        {
            text.Append((milliseconds / unit).ToString(CultureInfo.InvariantCulture)).Append(suffix);
            milliseconds %= unit;
        }
    }
}
