using System.Collections.Generic;
using System.Globalization;
using System.Text;
using Guardrails.Delivery.Dora;

namespace Guardrails.Delivery.Reports;

/// <summary>
/// The CSV report: one row per ISO week (<c>period</c> = <c>week</c>) and one per total (<c>total</c>,
/// <c>baseline</c>, <c>after</c>), with the JSON report's fields as columns; an empty cell is a metric without data.
/// </summary>
public static class CsvDoraReport
{
    public const string Header = "period,start,end,deployments,failedDeployments,deploymentsLinkedToIncidents,changes,leadTimeHoursMedian,leadTimeHoursP90,changeFailureRate,incidents,restoreHoursMedian,incidentMinutes,deploymentsPerWeek";

    public static string Write(DoraReport report)
    {
        System.ArgumentNullException.ThrowIfNull(report);
        var text = new StringBuilder().Append(Header).Append('\n');
        foreach (var week in report.Weeks)
        {
            var start = week.Start.ToDateTime(System.TimeOnly.MinValue, System.DateTimeKind.Utc);
            Row(text, "week", ReportNumbers.Date(week.Start), start.AddDays(7).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), week.Metrics, null);
        }

        foreach (var (name, totals) in new List<(string, DoraPeriodTotals?)> { ("total", report.Totals), ("baseline", report.Baseline), ("after", report.After) })
        {
            if (totals is not null)
            {
                Row(text, name, ReportNumbers.Date(totals.From), ReportNumbers.Date(totals.To), totals.Metrics, totals.DeploymentsPerWeek);
            }
        }

        return text.ToString();
    }

    private static void Row(StringBuilder text, string period, string start, string end, DoraMetrics metrics, double? perWeek)
    {
        string[] cells =
        [
            period, start, end,
            metrics.Deployments.ToString(CultureInfo.InvariantCulture),
            metrics.FailedDeployments.ToString(CultureInfo.InvariantCulture),
            metrics.DeploymentsLinkedToIncidents.ToString(CultureInfo.InvariantCulture),
            metrics.Changes.ToString(CultureInfo.InvariantCulture),
            ReportNumbers.Text(metrics.LeadTimeHours.Median),
            ReportNumbers.Text(metrics.LeadTimeHours.P90),
            ReportNumbers.Text(metrics.ChangeFailureRate),
            metrics.Incidents.ToString(CultureInfo.InvariantCulture),
            ReportNumbers.Text(metrics.RestoreHours.Median),
            ReportNumbers.Text(metrics.IncidentMinutes),
            ReportNumbers.Text(perWeek),
        ];
        text.AppendJoin(',', cells).Append('\n');
    }
}
