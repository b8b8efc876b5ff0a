using System.Globalization;
using System.Text;
using Guardrails.Delivery.Dora;

namespace Guardrails.Delivery.Reports;

/// <summary>The Markdown report: totals with bands, baseline against after when given, then one row per week. Fits a CI job summary.</summary>
public static class MarkdownDoraReport
{
    public static string Write(DoraReport report)
    {
        System.ArgumentNullException.ThrowIfNull(report);
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"# Delivery metrics {ReportNumbers.Date(report.From)} to {ReportNumbers.Date(report.To)} (until exclusive, UTC)\n\n");
        text.Append("| metric | ");
        var columns = report.Baseline is null ? new[] { ("whole period", report.Totals) } : new[] { ("whole period", report.Totals), ("baseline", report.Baseline), ("after baseline", report.After!) };
        text.AppendJoin(" | ", System.Linq.Enumerable.Select(columns, column => $"{column.Item1} {ReportNumbers.Date(column.Item2.From)} – {ReportNumbers.Date(column.Item2.To)}")).Append(" |\n|---|");
        text.Append(string.Concat(System.Linq.Enumerable.Repeat("---|", columns.Length))).Append('\n');
        Line(text, "deployments per week", columns, totals => $"{ReportNumbers.Display(totals.DeploymentsPerWeek)} ({totals.Metrics.Deployments}; {Band(totals.Bands.DeploymentFrequency)})");
        Line(text, "lead time, median / p90 (hours)", columns, totals => $"{ReportNumbers.Display(totals.Metrics.LeadTimeHours.Median)} / {ReportNumbers.Display(totals.Metrics.LeadTimeHours.P90)} over {totals.Metrics.Changes} changes ({Band(totals.Bands.LeadTime)})");
        Line(text, "change-failure rate", columns, totals => $"{ReportNumbers.Percent(totals.Metrics.ChangeFailureRate)} ({totals.Metrics.FailedDeployments} failed, {totals.Metrics.DeploymentsLinkedToIncidents} linked to incidents; {Band(totals.Bands.ChangeFailureRate)})");
        Line(text, "time to restore, median (hours)", columns, totals => $"{ReportNumbers.Display(totals.Metrics.RestoreHours.Median)} over {totals.Metrics.Incidents} incidents ({Band(totals.Bands.TimeToRestore)})");
        Line(text, "incident minutes", columns, totals => ReportNumbers.Display(totals.Metrics.IncidentMinutes));
        text.Append(CultureInfo.InvariantCulture, $"\nBands: DORA performance levels of the {DoraBands.ReportYear} State of DevOps report (see docs/delivery.md).\n\n");
        text.Append("| week (Monday) | deployments | failed | lead time median h | lead time p90 h | change-failure rate | restore median h | incident minutes |\n");
        text.Append("|---|---|---|---|---|---|---|---|\n");
        foreach (var week in report.Weeks)
        {
            var metrics = week.Metrics;
            text.Append(CultureInfo.InvariantCulture, $"| {ReportNumbers.Date(week.Start)} | {metrics.Deployments} | {metrics.FailedDeployments} | {ReportNumbers.Display(metrics.LeadTimeHours.Median)} | {ReportNumbers.Display(metrics.LeadTimeHours.P90)} | {ReportNumbers.Percent(metrics.ChangeFailureRate)} | {ReportNumbers.Display(metrics.RestoreHours.Median)} | {ReportNumbers.Display(metrics.IncidentMinutes)} |\n");
        }

        return text.ToString();
    }

    private static string Band(PerformanceBand? band) => band is null ? "no data" : ReportNumbers.Band(band);

    private static void Line(StringBuilder text, string name, (string, DoraPeriodTotals)[] columns, System.Func<DoraPeriodTotals, string> cell)
    {
        text.Append("| ").Append(name).Append(" | ");
        text.AppendJoin(" | ", System.Linq.Enumerable.Select(columns, column => cell(column.Item2))).Append(" |\n");
    }
}
