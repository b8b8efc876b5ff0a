using System.Collections.Generic;
using System.Linq;
using Guardrails.Gate.PromQl;

namespace Guardrails.Gate.Kubernetes;

/// <summary>
/// The gate as an Argo Rollouts <c>AnalysisTemplate</c> (argoproj.io/v1alpha1): one Prometheus metric per SLO whose
/// query is the gate's read as one expression, judged by the same burn-rate limit, with the gate's
/// count and limits, plus an example <c>Rollout</c> whose canary steps run it. docs/kubernetes.md maps each field.
/// </summary>
internal static class ArgoRolloutsAnalysis
{
    public const string ApiVersion = "argoproj.io/v1alpha1";

    public static IReadOnlyList<AnalysisFile> Emit(GatePlan plan, string header)
    {
        var templateName = TemplateName(plan);
        var arguments = ArgoTemplateArguments.Of(LabelSelector.Parse(plan.Selector));
        return
        [
            new AnalysisFile(templateName + ".analysistemplate.yaml", ManifestYaml.Write(header, [Template(plan, templateName, arguments)])),
            new AnalysisFile(templateName + ".rollout-example.yaml", ManifestYaml.Write(header + "\nExample: a Rollout whose canary steps run the analysis above.", [Rollout(plan, templateName, arguments)])),
        ];
    }

    public static string TemplateName(GatePlan plan) => KubernetesName.From(plan.Service + "-slo-burn-rate");

    /// <summary>The metric's name for one SLO.</summary>
    public static string MetricName(CanaryBurnRateQuery query) => KubernetesName.From(query.SloName + "-burn-rate");

    private static Dictionary<string, object> Template(GatePlan plan, string name, IReadOnlyList<(string Name, Dictionary<string, object> ValueFrom)> arguments)
    {
        var spec = new Dictionary<string, object>();
        if (arguments.Count > 0)
        {
            spec["args"] = arguments.Select(argument => new Dictionary<string, object> { ["name"] = argument.Name }).ToList();
        }

        spec["metrics"] = plan.Queries.Select(query => Metric(plan, query)).ToList();
        return new Dictionary<string, object>
        {
            ["apiVersion"] = ApiVersion,
            ["kind"] = "AnalysisTemplate",
            ["metadata"] = new Dictionary<string, object> { ["name"] = name },
            ["spec"] = spec,
        };
    }

    private static Dictionary<string, object> Metric(GatePlan plan, CanaryBurnRateQuery query)
    {
        var conditions = ArgoConditions.For(plan.MaxBurnRate, plan.Limits.OnNoData);
        var metric = new Dictionary<string, object>
        {
            ["name"] = MetricName(query),
            ["interval"] = GoDuration.Format(plan.Schedule.Interval),
            ["count"] = plan.Limits.Samples,
            ["failureLimit"] = plan.Limits.FailureLimit,
            ["consecutiveErrorLimit"] = plan.Limits.ErrorLimit,
            ["inconclusiveLimit"] = plan.Limits.InconclusiveLimit,
            ["successCondition"] = conditions.Success,
            ["failureCondition"] = conditions.Failure,
            ["provider"] = new Dictionary<string, object>
            {
                ["prometheus"] = new Dictionary<string, object>
                {
                    ["address"] = plan.Connection.Address.ToString().TrimEnd('/'),
                    ["query"] = CanaryBurnRateExpression.For(query, plan.TrafficQuery, plan.Floor),
                },
            },
        };
        if (plan.Schedule.WarmUp > System.TimeSpan.Zero)
        {
            // The gate's --warm-up: the first measurement's window lies wholly after the analysis started.
            metric["initialDelay"] = GoDuration.Format(plan.Schedule.WarmUp);
        }

        return metric;
    }

    private static Dictionary<string, object> Rollout(GatePlan plan, string templateName, IReadOnlyList<(string Name, Dictionary<string, object> ValueFrom)> arguments)
    {
        var app = KubernetesName.From(plan.Service);
        var analysis = new Dictionary<string, object>
        {
            ["templates"] = new List<object> { new Dictionary<string, object> { ["templateName"] = templateName } },
        };
        if (arguments.Count > 0)
        {
            analysis["args"] = arguments.Select(argument => new Dictionary<string, object> { ["name"] = argument.Name, ["valueFrom"] = argument.ValueFrom }).ToList();
        }

        var steps = new List<object>();
        foreach (var weight in new[] { 10, 25, 50 })
        {
            steps.Add(new Dictionary<string, object> { ["setWeight"] = weight });
            steps.Add(new Dictionary<string, object> { ["analysis"] = analysis });
        }

        var labels = new Dictionary<string, object> { ["app"] = app };
        return new Dictionary<string, object>
        {
            ["apiVersion"] = ApiVersion,
            ["kind"] = "Rollout",
            ["metadata"] = new Dictionary<string, object> { ["name"] = app, ["labels"] = labels },
            ["spec"] = new Dictionary<string, object>
            {
                ["replicas"] = 4,
                ["selector"] = new Dictionary<string, object> { ["matchLabels"] = labels },
                ["template"] = new Dictionary<string, object>
                {
                    ["metadata"] = new Dictionary<string, object> { ["labels"] = labels },
                    ["spec"] = new Dictionary<string, object>
                    {
                        ["containers"] = new List<object>
                        {
                            new Dictionary<string, object>
                            {
                                ["name"] = app,
                                // The example's image is the user's to replace; the analysis does not depend on it.
                                ["image"] = $"registry.example.com/{app}:1.0.0",
                            },
                        },
                    },
                },
                ["strategy"] = new Dictionary<string, object> { ["canary"] = new Dictionary<string, object> { ["steps"] = steps } },
            },
        };
    }
}
