using System;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Guardrails.Cli.Gate;

/// <summary>
/// A duration as written in Prometheus notation (<c>30s</c>, <c>5m</c>, <c>1h30m</c>, <c>200ms</c>): what users write
/// for windows and intervals, and what goes into a range selector unchanged.
/// </summary>
internal sealed partial record DurationText(string Text, TimeSpan Value)
{
    // Far beyond any window or interval a gate uses, and far from TimeSpan's overflow.
    private static readonly TimeSpan MaximumValue = TimeSpan.FromDays(365 * 100);

    public static bool TryParse(string? text, out DurationText duration)
    {
        duration = new DurationText(string.Empty, TimeSpan.Zero);
        if (string.IsNullOrWhiteSpace(text) || !DurationPattern().IsMatch(text))
        {
            return false;
        }

        var totalMilliseconds = 0.0;
        foreach (Match part in PartPattern().Matches(text))
        {
            var amount = double.Parse(part.Groups["amount"].Value, CultureInfo.InvariantCulture);
            totalMilliseconds += amount * part.Groups["unit"].Value switch
            {
                "ms" => 1,
                "s" => 1_000,
                "m" => 60_000,
                "h" => 3_600_000,
                "d" => 86_400_000,
                "w" => 7 * 86_400_000.0,
                _ => 365 * 86_400_000.0,
            };
        }

        if (totalMilliseconds <= 0 || totalMilliseconds > MaximumValue.TotalMilliseconds)
        {
            return false;
        }

        duration = new DurationText(text, TimeSpan.FromMilliseconds(totalMilliseconds));
        return true;
    }

    public override string ToString() => Text;

    // Units in the order Prometheus requires them (model.ParseDuration): y w d h m s ms, each at most once.
    [GeneratedRegex(@"^(\d{1,9}y)?(\d{1,9}w)?(\d{1,9}d)?(\d{1,9}h)?(\d{1,9}m)?(\d{1,9}s)?(\d{1,9}ms)?$", RegexOptions.CultureInvariant)]
    private static partial Regex DurationPattern();

    [GeneratedRegex(@"(?<amount>\d{1,9})(?<unit>ms|y|w|d|h|m|s)", RegexOptions.CultureInvariant)]
    private static partial Regex PartPattern();
}
