using Guardrails.Pipelines.Model;

namespace Guardrails.Pipelines.Scripts;

/// <summary>
/// Runs <c>guardrails dora</c> twice over the same inputs: the Markdown becomes the run's summary, the HTML
/// (charts) is left in <see cref="ReportFolder"/> for the artifact step. Empty inputs pass no option, so the
/// CLI's own defaults and its error for a missing deployment source apply.
/// </summary>
public static class DoraReportScript
{
    public const string HtmlFile = "dora-report.html";

    public static string ReportFolder(CiSystem system) => CiCommands.TempFolder(system) + "/guardrails-dora";

    public static string Render(CiSystem system)
    {
        var folder = ReportFolder(system);
        return $$"""
            set -euo pipefail
            options=()
            if [ -n "$GUARDRAILS_DEPLOYMENTS_FROM_TAGS" ]; then
              options+=(--deployments-from-tags "$GUARDRAILS_DEPLOYMENTS_FROM_TAGS")
            fi
            if [ -n "$GUARDRAILS_DEPLOYMENT_RECORDS" ]; then
              options+=(--deployment-records "$GUARDRAILS_DEPLOYMENT_RECORDS")
            fi
            if [ -n "$GUARDRAILS_INCIDENTS" ]; then
              options+=(--incidents "$GUARDRAILS_INCIDENTS")
            fi
            if [ -n "$GUARDRAILS_SINCE" ]; then
              options+=(--since "$GUARDRAILS_SINCE")
            fi
            if [ -n "$GUARDRAILS_BASELINE_UNTIL" ]; then
              options+=(--baseline-until "$GUARDRAILS_BASELINE_UNTIL")
            fi
            folder="{{folder}}"
            guardrails dora "${options[@]}" --format md --out "$folder/dora-report.md"
            guardrails dora "${options[@]}" --format html --out "$folder/{{HtmlFile}}"
            {{CiCommands.PublishSummary(system, "$folder/dora-report.md")}}

            """;
    }
}
