using System;

namespace Guardrails.Delivery.Dora;

/// <summary>ISO 8601 weeks in UTC: Monday 00:00 UTC to the next Monday.</summary>
public static class IsoWeek
{
    public static DateTimeOffset StartOf(DateTimeOffset time)
    {
        var utc = time.ToUniversalTime();
        var daysSinceMonday = ((int)utc.DayOfWeek + 6) % 7;
        return new DateTimeOffset(utc.Date, TimeSpan.Zero).AddDays(-daysSinceMonday);
    }
}
