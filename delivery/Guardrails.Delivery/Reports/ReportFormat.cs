namespace Guardrails.Delivery.Reports;

/// <summary>The <c>--format</c> values of <c>guardrails dora</c>; the Markdown fits a CI job summary.</summary>
public enum ReportFormat
{
    Md,
    Html,
    Json,
    Csv,
}
