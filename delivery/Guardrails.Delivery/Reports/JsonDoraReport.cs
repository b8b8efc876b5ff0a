using System.IO;
using System.Text;
using System.Text.Json;
using Guardrails.Delivery.Dora;

namespace Guardrails.Delivery.Reports;

/// <summary>
/// The JSON report, a stable contract (docs/delivery.md): fields are added, never renamed or removed.
/// A metric without data is <c>null</c>.
/// </summary>
public static class JsonDoraReport
{
    public static string Write(DoraReport report)
    {
        System.ArgumentNullException.ThrowIfNull(report);
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("from", ReportNumbers.Time(report.From));
            json.WriteString("to", ReportNumbers.Time(report.To));
            if (report.BaselineUntil is { } baseline)
            {
                json.WriteString("baselineUntil", ReportNumbers.Time(baseline));
            }
            else
            {
                json.WriteNull("baselineUntil");
            }

            json.WriteStartArray("weeks");
            foreach (var week in report.Weeks)
            {
                json.WriteStartObject();
                json.WriteString("start", ReportNumbers.Date(week.Start));
                Fields(json, week.Metrics);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            Totals(json, "totals", report.Totals);
            Totals(json, "baseline", report.Baseline);
            Totals(json, "after", report.After);
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    private static void Totals(Utf8JsonWriter json, string name, DoraPeriodTotals? totals)
    {
        if (totals is null)
        {
            json.WriteNull(name);
            return;
        }

        json.WriteStartObject(name);
        json.WriteString("from", ReportNumbers.Time(totals.From));
        json.WriteString("to", ReportNumbers.Time(totals.To));
        Fields(json, totals.Metrics);
        json.WriteNumber("deploymentsPerWeek", ReportNumbers.Round(totals.DeploymentsPerWeek));
        json.WriteStartObject("bands");
        json.WriteNumber("reportYear", DoraBands.ReportYear);
        json.WriteString("deploymentFrequency", ReportNumbers.Band(totals.Bands.DeploymentFrequency));
        json.WriteString("leadTime", ReportNumbers.Band(totals.Bands.LeadTime));
        json.WriteString("changeFailureRate", ReportNumbers.Band(totals.Bands.ChangeFailureRate));
        json.WriteString("timeToRestore", ReportNumbers.Band(totals.Bands.TimeToRestore));
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void Fields(Utf8JsonWriter json, DoraMetrics metrics)
    {
        json.WriteNumber("deployments", metrics.Deployments);
        json.WriteNumber("failedDeployments", metrics.FailedDeployments);
        json.WriteNumber("deploymentsLinkedToIncidents", metrics.DeploymentsLinkedToIncidents);
        json.WriteNumber("changes", metrics.Changes);
        json.WriteStartObject("leadTimeHours");
        Number(json, "median", metrics.LeadTimeHours.Median);
        Number(json, "p90", metrics.LeadTimeHours.P90);
        json.WriteEndObject();
        Number(json, "changeFailureRate", metrics.ChangeFailureRate);
        json.WriteNumber("incidents", metrics.Incidents);
        json.WriteStartObject("restoreHours");
        Number(json, "median", metrics.RestoreHours.Median);
        json.WriteEndObject();
        json.WriteNumber("incidentMinutes", ReportNumbers.Round(metrics.IncidentMinutes));
    }

    private static void Number(Utf8JsonWriter json, string name, double? value)
    {
        if (value is { } number)
        {
            json.WriteNumber(name, ReportNumbers.Round(number));
        }
        else
        {
            json.WriteNull(name);
        }
    }
}
