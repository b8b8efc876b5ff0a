using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Text;
using Guardrails.Delivery.Dora;
using ScottPlot;

namespace Guardrails.Delivery.Reports;

/// <summary>
/// The HTML report: the Markdown report's tables, then one ScottPlot chart per metric, one point or bar per
/// ISO week, with the baseline boundary drawn as a vertical line. Charts are embedded as the SVG ScottPlot
/// renders, so the file is self-contained and readable offline as a CI artifact.
/// </summary>
public static class HtmlDoraReport
{
    private const int Width = 900;
    private const int Height = 320;

    public static string Write(DoraReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var html = new StringBuilder();
        var title = $"Delivery metrics {ReportNumbers.Date(report.From)} to {ReportNumbers.Date(report.To)}";
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>").Append(WebUtility.HtmlEncode(title)).Append("</title>\n");
        html.Append("<style>body{font-family:system-ui,sans-serif;max-width:960px;margin:2em auto;color:#222}table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:4px 8px;text-align:right}th:first-child,td:first-child{text-align:left}figure{margin:2em 0}</style>\n</head>\n<body>\n");
        html.Append("<h1>").Append(WebUtility.HtmlEncode(title)).Append("</h1>\n");
        html.Append("<p>Periods are [from, to) in UTC; weeks are ISO weeks. Bands: DORA performance levels of the ")
            .Append(DoraBands.ReportYear).Append(" State of DevOps report.</p>\n");
        Totals(html, report);
        var weeks = report.Weeks;
        Chart(html, report, "Deployments per week", "deployments", weeks.Select(week => (double?)week.Metrics.Deployments).ToList(), bars: true);
        Chart(html, report, "Lead time for changes, median (hours)", "hours", weeks.Select(week => week.Metrics.LeadTimeHours.Median).ToList(), bars: false, second: ("p90", weeks.Select(week => week.Metrics.LeadTimeHours.P90).ToList()));
        Chart(html, report, "Change-failure rate (%)", "%", weeks.Select(week => week.Metrics.ChangeFailureRate * 100).ToList(), bars: false);
        Chart(html, report, "Time to restore, median (hours)", "hours", weeks.Select(week => week.Metrics.RestoreHours.Median).ToList(), bars: false);
        Chart(html, report, "Incident minutes per week", "minutes", weeks.Select(week => (double?)week.Metrics.IncidentMinutes).ToList(), bars: true);
        html.Append("</body>\n</html>\n");
        return html.ToString();
    }

    private static void Totals(StringBuilder html, DoraReport report)
    {
        var columns = new List<(string Name, DoraPeriodTotals Totals)> { ("whole period", report.Totals) };
        if (report.Baseline is not null && report.After is not null)
        {
            columns.Add(("baseline", report.Baseline));
            columns.Add(("after baseline", report.After));
        }

        html.Append("<table>\n<tr><th>metric</th>");
        foreach (var column in columns)
        {
            html.Append("<th>").Append(WebUtility.HtmlEncode($"{column.Name} {ReportNumbers.Date(column.Totals.From)} – {ReportNumbers.Date(column.Totals.To)}")).Append("</th>");
        }

        html.Append("</tr>\n");
        Row(html, "deployments per week", columns, totals => $"{ReportNumbers.Display(totals.DeploymentsPerWeek)} ({ReportNumbers.Band(totals.Bands.DeploymentFrequency)})");
        Row(html, "lead time median / p90 (hours)", columns, totals => $"{ReportNumbers.Display(totals.Metrics.LeadTimeHours.Median)} / {ReportNumbers.Display(totals.Metrics.LeadTimeHours.P90)} ({ReportNumbers.Band(totals.Bands.LeadTime)})");
        Row(html, "change-failure rate", columns, totals => $"{ReportNumbers.Percent(totals.Metrics.ChangeFailureRate)} ({ReportNumbers.Band(totals.Bands.ChangeFailureRate)})");
        Row(html, "time to restore median (hours)", columns, totals => $"{ReportNumbers.Display(totals.Metrics.RestoreHours.Median)} ({ReportNumbers.Band(totals.Bands.TimeToRestore)})");
        Row(html, "incident minutes", columns, totals => ReportNumbers.Display(totals.Metrics.IncidentMinutes));
        html.Append("</table>\n");
    }

    private static void Row(StringBuilder html, string name, List<(string Name, DoraPeriodTotals Totals)> columns, Func<DoraPeriodTotals, string> cell)
    {
        html.Append("<tr><td>").Append(WebUtility.HtmlEncode(name)).Append("</td>");
        foreach (var column in columns)
        {
            html.Append("<td>").Append(WebUtility.HtmlEncode(cell(column.Totals))).Append("</td>");
        }

        html.Append("</tr>\n");
    }

    private static void Chart(StringBuilder html, DoraReport report, string title, string unit, List<double?> values, bool bars, (string Name, List<double?> Values)? second = null)
    {
        var plot = new Plot();
        Series(plot, values, bars, second is null ? null : "median");
        if (second is { } other)
        {
            Series(plot, other.Values, bars: false, other.Name);
            plot.ShowLegend();
        }

        var positions = Enumerable.Range(0, report.Weeks.Count).Select(index => (double)index).ToArray();
        var labels = report.Weeks.Select(week => week.Start.ToString("MM-dd", System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(positions, labels);
        plot.Axes.Bottom.Label.Text = "ISO week (Monday, UTC)";
        plot.Axes.Left.Label.Text = unit;
        plot.Title(title);
        if (report.BaselineUntil is { } baseline && report.Weeks.Count > 0)
        {
            var first = report.Weeks[0].Start.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            var line = plot.Add.VerticalLine(((baseline.UtcDateTime - first).TotalDays / 7) - 0.5);
            line.LineStyle.Pattern = LinePattern.Dashed;
            line.Text = "baseline until " + ReportNumbers.Date(baseline);
        }

        plot.Axes.SetLimitsX(-0.6, Math.Max(report.Weeks.Count - 0.4, 0.6));
        html.Append("<figure>\n").Append(StripDeclaration(plot.GetSvgXml(Width, Height))).Append("\n<figcaption>").Append(WebUtility.HtmlEncode(title)).Append("</figcaption>\n</figure>\n");
    }

    private static void Series(Plot plot, List<double?> values, bool bars, string? legend)
    {
        var points = values.Select((value, index) => (Index: (double)index, Value: value)).Where(point => point.Value is not null).ToList();
        if (points.Count == 0)
        {
            return;
        }

        if (bars)
        {
            var plotted = plot.Add.Bars(points.Select(point => point.Index).ToArray(), points.Select(point => point.Value!.Value).ToArray());
            plotted.LegendText = legend ?? string.Empty;
            plot.Axes.Margins(bottom: 0);
        }
        else
        {
            var plotted = plot.Add.Scatter(points.Select(point => point.Index).ToArray(), points.Select(point => point.Value!.Value).ToArray());
            plotted.LegendText = legend ?? string.Empty;
        }
    }

    /// <summary>An XML declaration is not allowed inside an HTML document.</summary>
    private static string StripDeclaration(string svg) =>
        svg.StartsWith("<?xml", StringComparison.Ordinal) ? svg[(svg.IndexOf("?>", StringComparison.Ordinal) + 2)..].TrimStart() : svg;
}
