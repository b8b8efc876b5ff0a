using System.Linq;
using System.Text.Json.Nodes;

namespace Guardrails.Gate.Tests.Kubernetes;

/// <summary>
/// Every manifest <c>guardrails analysis</c> writes is valid against the controller's own CRD schema (made strict
/// about undeclared fields, which the API server would silently drop).
/// </summary>
public sealed class AnalysisSchemaTests
{
    private static readonly string[][] Variants =
    [
        [],
        ["--selector", "rollouts_pod_template_hash=\"{{args.canary-hash}}\"", "--latency-slo-name", "latency"],
        ["--selector", "namespace=\"{{ namespace }}\",pod=~\"{{ target }}-[0-9a-zA-Z]+-[0-9a-zA-Z]+\"", "--on-no-data", "inconclusive"],
        ["--on-no-data", "pass", "--min-requests", "0", "--interval", "1h30m", "--samples", "30", "--failure-limit", "2"],
    ];

    private static readonly string[] ArgoKinds = ["AnalysisTemplate", "Rollout"];

    [Test]
    public void Argo_rollouts_manifests_match_the_analysis_template_and_rollout_schemas(
        [Values(0, 1, 2, 3)] int variant)
    {
        var run = AnalysisRun.Of("checkout", ["--for", "argo", .. Variants[variant]]);

        Assert.That(run.ExitCode, Is.Zero, run.ToString());
        Assert.That(run.Manifests.Select(manifest => manifest["kind"]!.GetValue<string>()), Is.EquivalentTo(ArgoKinds));
        foreach (var manifest in run.Manifests)
        {
            Assert.That(CrdSchemas.Errors(manifest), Is.Empty, manifest.ToJsonString());
        }
    }

    [Test]
    public void Flagger_manifests_match_the_metric_template_and_canary_schemas(
        [Values(0, 1, 2, 3)] int variant)
    {
        var run = AnalysisRun.Of("checkout", ["--for", "flagger", .. Variants[variant]]);

        Assert.That(run.ExitCode, Is.Zero, run.ToString());
        Assert.That(run.Manifests.Count(manifest => manifest["kind"]!.GetValue<string>() == "MetricTemplate"), Is.EqualTo(variant == 1 ? 2 : 1));
        Assert.That(run.Manifests.Count(manifest => manifest["kind"]!.GetValue<string>() == "Canary"), Is.EqualTo(1));
        foreach (var manifest in run.Manifests)
        {
            Assert.That(CrdSchemas.Errors(manifest), Is.Empty, manifest.ToJsonString());
        }
    }

    [Test]
    public void The_schema_check_rejects_a_misspelt_field_and_a_wrong_type()
    {
        var template = AnalysisRun.Of("checkout", "--for", "argo").Manifest("AnalysisTemplate");
        var metric = template["spec"]!["metrics"]![0]!.AsObject();
        var limit = metric["failureLimit"]!.DeepClone();
        metric.Remove("failureLimit");
        metric["failureLimt"] = limit;
        var canary = AnalysisRun.Of("checkout", "--for", "flagger").Manifest("Canary");
        canary["spec"]!["analysis"]!["metrics"]![0]!["thresholdRange"]!["max"] = JsonValue.Create("high");

        Assert.Multiple(() =>
        {
            Assert.That(string.Join("\n", CrdSchemas.Errors(template)), Does.Contain("/spec/metrics/0"));
            Assert.That(string.Join("\n", CrdSchemas.Errors(canary)), Does.Contain("/spec/analysis/metrics/0/thresholdRange/max"));
        });
    }
}
