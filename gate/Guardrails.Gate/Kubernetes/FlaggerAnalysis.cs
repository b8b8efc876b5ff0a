using System.Collections.Generic;
using System.Linq;

namespace Guardrails.Gate.Kubernetes;

/// <summary>
/// The gate for Flagger: a <c>MetricTemplate</c> (flagger.app/v1beta1) per SLO whose query is the gate's read as
/// one expression, and an example <c>Canary</c> whose <c>analysis.metrics</c> hold each burn rate to the limit with
/// <c>thresholdRange.max</c>. Flagger's query variables (<c>{{ namespace }}</c>, <c>{{ target }}</c>) select the
/// canary when the selector uses them. docs/kubernetes.md maps each field.
/// </summary>
internal static class FlaggerAnalysis
{
    public const string ApiVersion = "flagger.app/v1beta1";

    public static IReadOnlyList<AnalysisFile> Emit(GatePlan plan, string header)
    {
        var service = KubernetesName.From(plan.Service);
        var templates = plan.Queries.Select(query => MetricTemplate(plan, query)).ToList();
        return
        [
            new AnalysisFile(service + ".metrictemplate.yaml", ManifestYaml.Write(header, templates)),
            new AnalysisFile(service + ".canary-example.yaml", ManifestYaml.Write(header + "\nExample: a Canary whose analysis runs the metric templates above.", [Canary(plan, service)])),
        ];
    }

    public static string TemplateName(GatePlan plan, CanaryBurnRateQuery query) => KubernetesName.From(plan.Service + "-" + query.SloName + "-burn-rate");

    private static Dictionary<string, object> MetricTemplate(GatePlan plan, CanaryBurnRateQuery query) => new()
    {
        ["apiVersion"] = ApiVersion,
        ["kind"] = "MetricTemplate",
        ["metadata"] = new Dictionary<string, object> { ["name"] = TemplateName(plan, query) },
        ["spec"] = new Dictionary<string, object>
        {
            ["provider"] = new Dictionary<string, object>
            {
                ["type"] = "prometheus",
                ["address"] = plan.Connection.Address.ToString().TrimEnd('/'),
            },
            ["query"] = CanaryBurnRateExpression.For(query, plan.TrafficQuery, plan.Floor),
        },
    };

    private static Dictionary<string, object> Canary(GatePlan plan, string service) => new()
    {
        ["apiVersion"] = ApiVersion,
        ["kind"] = "Canary",
        ["metadata"] = new Dictionary<string, object> { ["name"] = service },
        ["spec"] = new Dictionary<string, object>
        {
            ["targetRef"] = new Dictionary<string, object> { ["apiVersion"] = "apps/v1", ["kind"] = "Deployment", ["name"] = service },
            ["service"] = new Dictionary<string, object> { ["port"] = 80 },
            ["analysis"] = new Dictionary<string, object>
            {
                ["interval"] = GoDuration.InMinutesOrSeconds(plan.Schedule.Interval),
                // Flagger rolls back when its failed checks reach the threshold; the gate when bad reads exceed the limit.
                ["threshold"] = plan.Limits.FailureLimit + 1,
                ["stepWeight"] = 10,
                ["maxWeight"] = 50,
                ["metrics"] = plan.Queries.Select(query => new Dictionary<string, object>
                {
                    ["name"] = KubernetesName.From(query.SloName + "-burn-rate"),
                    ["templateRef"] = new Dictionary<string, object> { ["name"] = TemplateName(plan, query) },
                    ["thresholdRange"] = new Dictionary<string, object> { ["max"] = plan.MaxBurnRate },
                    ["interval"] = GoDuration.InMinutesOrSeconds(plan.Window.Value),
                }).ToList(),
            },
        },
    };
}
