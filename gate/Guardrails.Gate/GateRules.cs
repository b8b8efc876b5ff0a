using Guardrails.Diagnostics;

namespace Guardrails.Gate;

/// <summary>
/// The GR52xx diagnostics: configuration errors of <c>guardrails gate</c>, reported with exit code 2 and,
/// where the setting came from a file, its line and column. GR51xx belongs to the pipeline templates.
/// IDs are never reused; each has <c>docs/rules/&lt;Id&gt;.md</c>.
/// </summary>
public static class GateRules
{
    public static readonly Rule SloNotFound = new("GR5201", "The SLO named for the gate is not in the SLO files");

    public static readonly Rule InvalidSelector = new("GR5202", "The canary selector is not a list of PromQL label matchers");

    public static readonly Rule NoErrorBudget = new("GR5203", "The SLO's objective leaves no error budget to burn");

    public static readonly Rule SliQueryNotRestrictable = new("GR5204", "The SLI query cannot be restricted to the canary");

    public static readonly Rule InvalidOption = new("GR5205", "A gate option has an invalid value");

    public static readonly Rule ScheduleExceedsDeadline = new("GR5206", "The planned reads do not fit in the deadline");

    public static readonly Rule TrafficFloorWithoutTrafficQuery = new("GR5207", "The traffic floor needs a traffic query for a raw SLI");

    public static readonly Rule InvalidPrometheusConnection = new("GR5208", "The Prometheus connection settings are invalid");

    public static readonly Rule PrometheusRefused = new("GR5209", "Prometheus refused the gate's query or credentials");

    public static readonly Rule SloFilesUnusable = new("GR5210", "The SLO files cannot be used by the gate");
}
