using System;
using System.Globalization;
using Guardrails.Delivery.Dora;

namespace Guardrails.Delivery.Reports;

/// <summary>How every report format writes numbers, dates and bands, so the formats always agree.</summary>
internal static class ReportNumbers
{
    /// <summary>Hours, rates and minutes rounded to 3 decimals in JSON and CSV (readers compare, not recompute).</summary>
    public static double Round(double value) => Math.Round(value, 3, MidpointRounding.AwayFromZero);

    public static string Text(double? value) => value is { } number ? Round(number).ToString("0.###", CultureInfo.InvariantCulture) : string.Empty;

    public static string Percent(double? rate) => rate is { } value ? (value * 100).ToString("0.#", CultureInfo.InvariantCulture) + " %" : "–";

    public static string Display(double? value) => value is { } number ? number.ToString("0.##", CultureInfo.InvariantCulture) : "–";

    public static string Date(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static string Band(PerformanceBand? band) => band?.ToString().ToLowerInvariant() ?? "none";
}
