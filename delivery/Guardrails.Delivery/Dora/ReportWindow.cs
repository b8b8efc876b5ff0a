using System;

namespace Guardrails.Delivery.Dora;

/// <summary>
/// The report's period, [Since, Until) in UTC, and the optional baseline boundary inside it. The default is
/// the 13 whole ISO weeks before the current one.
/// </summary>
public sealed record ReportWindow(DateTimeOffset Since, DateTimeOffset Until, DateTimeOffset? BaselineUntil)
{
    public const int DefaultWeeks = 13;

    public static ReportWindow Create(DateTimeOffset? since, DateTimeOffset? until, DateTimeOffset? baselineUntil, DateTimeOffset now)
    {
        var end = until ?? IsoWeek.StartOf(now);
        var start = since ?? end.AddDays(-7 * DefaultWeeks);
        if (start >= end)
        {
            throw new DeliveryInputException($"--since {start:yyyy-MM-dd'T'HH:mm:ss'Z'} is not before --until {end:yyyy-MM-dd'T'HH:mm:ss'Z'}; the report covers [since, until).");
        }

        if (baselineUntil is { } baseline && (baseline <= start || baseline >= end))
        {
            throw new DeliveryInputException($"--baseline-until {baseline:yyyy-MM-dd'T'HH:mm:ss'Z'} is not inside the report [{start:yyyy-MM-dd}, {end:yyyy-MM-dd}); the baseline is [since, baseline-until) and the comparison [baseline-until, until).");
        }

        return new ReportWindow(start, end, baselineUntil);
    }
}
