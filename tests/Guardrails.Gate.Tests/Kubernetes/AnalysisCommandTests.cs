using System.Linq;
using System.Text.Json.Nodes;

namespace Guardrails.Gate.Tests.Kubernetes;

/// <summary>
/// <c>guardrails analysis</c>: each gate option lands in the controller's field that means the same thing,
/// the gate's defaults are the analysis's defaults, and a bad command line is a clear configuration error.
/// </summary>
[NonParallelizable]
public sealed class AnalysisCommandTests
{
    private static readonly string[] Limits =
    [
        "--interval", "45s", "--samples", "7", "--failure-limit", "2", "--error-limit", "3", "--inconclusive-limit", "1",
        "--max-burn-rate", "6", "--window", "2m", "--prometheus", "http://prometheus.monitoring:9090/",
    ];

    private static readonly string[] TwoLimitsOfSix = ["6", "6"];

    private static readonly string[] SelectorArguments = ["canary-hash", "namespace"];

    [Test]
    public void Argo_metric_fields_are_the_gate_options_one_to_one()
    {
        var run = AnalysisRun.Of("checkout", ["--for", "argo", "--on-no-data", "inconclusive", .. Limits]);

        var metric = run.Manifest("AnalysisTemplate")["spec"]!["metrics"]![0]!;
        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.Zero, run.ToString());
            Assert.That(metric["interval"]!.GetValue<string>(), Is.EqualTo("45s"));
            Assert.That(metric["count"]!.GetValue<long>(), Is.EqualTo(7));
            Assert.That(metric["failureLimit"]!.GetValue<long>(), Is.EqualTo(2));
            Assert.That(metric["consecutiveErrorLimit"]!.GetValue<long>(), Is.EqualTo(3));
            Assert.That(metric["inconclusiveLimit"]!.GetValue<long>(), Is.EqualTo(1));
            Assert.That(metric["successCondition"]!.GetValue<string>(), Is.EqualTo("len(result) > 0 && !isNaN(result[0]) && result[0] <= 6"));
            Assert.That(metric["failureCondition"]!.GetValue<string>(), Is.EqualTo("len(result) > 0 && !isNaN(result[0]) && result[0] > 6"), "no data is neither: Argo counts it inconclusive");
            Assert.That(metric["provider"]!["prometheus"]!["address"]!.GetValue<string>(), Is.EqualTo("http://prometheus.monitoring:9090"));
            Assert.That(metric["provider"]!["prometheus"]!["query"]!.GetValue<string>(), Does.Contain("[2m]").And.Contain("track=\"canary\"").And.Contain("* 120) >= 10)"), "the floor: requests over the 2m window");
            Assert.That(metric["initialDelay"]!.GetValue<string>(), Is.EqualTo("2m"), "the gate's warm-up, one window");
        });
    }

    [TestCase("fail", "len(result) > 0 && !isNaN(result[0]) && result[0] <= 14.4", "(len(result) == 0 || isNaN(result[0])) || result[0] > 14.4")]
    [TestCase("pass", "(len(result) == 0 || isNaN(result[0])) || result[0] <= 14.4", "len(result) > 0 && !isNaN(result[0]) && result[0] > 14.4")]
    public void Argo_conditions_follow_the_no_data_policy(string policy, string success, string failure)
    {
        var metric = AnalysisRun.Of("checkout", "--for", "argo", "--on-no-data", policy).Manifest("AnalysisTemplate")["spec"]!["metrics"]![0]!;

        Assert.Multiple(() =>
        {
            Assert.That(metric["successCondition"]!.GetValue<string>(), Is.EqualTo(success));
            Assert.That(metric["failureCondition"]!.GetValue<string>(), Is.EqualTo(failure));
        });
    }

    [Test]
    public void Without_options_the_analysis_uses_the_gate_contract_defaults()
    {
        var gate = GateOptions.Default;

        var metric = AnalysisRun.Of("checkout", "--for", "argo").Manifest("AnalysisTemplate")["spec"]!["metrics"]![0]!;

        Assert.Multiple(() =>
        {
            Assert.That(metric["interval"]!.GetValue<string>(), Is.EqualTo(gate.Interval));
            Assert.That(metric["count"]!.GetValue<long>(), Is.EqualTo(gate.Samples));
            Assert.That(metric["failureLimit"]!.GetValue<long>(), Is.EqualTo(gate.FailureLimit));
            Assert.That(metric["consecutiveErrorLimit"]!.GetValue<long>(), Is.EqualTo(gate.ErrorLimit));
            Assert.That(metric["inconclusiveLimit"]!.GetValue<long>(), Is.EqualTo(gate.InconclusiveLimit));
            Assert.That(metric["successCondition"]!.GetValue<string>(), Does.EndWith("<= " + gate.MaxBurnRate.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            Assert.That(metric["provider"]!["prometheus"]!["query"]!.GetValue<string>(), Does.Contain("[" + gate.Window + "]").And.Contain(gate.Selector));
        });
    }

    [Test]
    public void Flagger_analysis_holds_each_burn_rate_to_the_limit()
    {
        var run = AnalysisRun.Of("checkout", ["--for", "flagger", "--latency-slo-name", "latency", .. Limits]);

        var analysis = run.Manifest("Canary")["spec"]!["analysis"]!;
        var templates = run.Manifests.Where(manifest => manifest["kind"]!.GetValue<string>() == "MetricTemplate").ToList();
        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.Zero, run.ToString());
            Assert.That(analysis["interval"]!.GetValue<string>(), Is.EqualTo("45s"));
            Assert.That(analysis["threshold"]!.GetValue<long>(), Is.EqualTo(3), "Flagger rolls back when failed checks reach the threshold: 2 tolerated");
            Assert.That(analysis["metrics"]!.AsArray().Select(metric => metric!["thresholdRange"]!["max"]!.ToJsonString()), Is.EqualTo(TwoLimitsOfSix));
            Assert.That(analysis["metrics"]!.AsArray().Select(metric => metric!["templateRef"]!["name"]!.GetValue<string>()), Is.EqualTo(templates.Select(template => template["metadata"]!["name"]!.GetValue<string>())));
            Assert.That(templates.Select(template => template["spec"]!["provider"]!["address"]!.GetValue<string>()), Has.All.EqualTo("http://prometheus.monitoring:9090"));
            Assert.That(templates[1]["spec"]!["query"]!.GetValue<string>(), Does.Contain("http_request_duration_seconds_bucket").And.Contain("/ 0.010000000000000009"), "the latency SLO's own budget, 1 %");
        });
    }

    [Test]
    public void The_example_rollout_passes_each_selector_argument_from_the_rollout()
    {
        var run = AnalysisRun.Of("checkout", "--for", "argo", "--selector", "rollouts_pod_template_hash=\"{{args.canary-hash}}\",namespace=\"{{args.namespace}}\"");

        var template = run.Manifest("AnalysisTemplate");
        var step = run.Manifest("Rollout")["spec"]!["strategy"]!["canary"]!["steps"]!.AsArray().First(step => step!["analysis"] is not null)!["analysis"]!;
        Assert.Multiple(() =>
        {
            Assert.That(template["spec"]!["args"]!.AsArray().Select(argument => argument!["name"]!.GetValue<string>()), Is.EqualTo(SelectorArguments));
            Assert.That(step["templates"]![0]!["templateName"]!.GetValue<string>(), Is.EqualTo(template["metadata"]!["name"]!.GetValue<string>()));
            Assert.That(step["args"]![0]!["valueFrom"]!["podTemplateHashValue"]!.GetValue<string>(), Is.EqualTo("Latest"), "the canary's pods");
            Assert.That(step["args"]![1]!["valueFrom"]!["fieldRef"]!["fieldPath"]!.GetValue<string>(), Is.EqualTo("metadata.namespace"));
        });
    }

    [Test]
    public void A_bad_command_line_is_a_configuration_error_naming_the_option()
    {
        var run = AnalysisRun.Of("checkout", "--for", "helm", "--window", "5 minutes");

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(2));
            Assert.That(run.Errors, Does.Contain("guardrails analysis: error: --for 'helm' is not argo or flagger."));
            Assert.That(run.Errors, Does.Contain("guardrails analysis: error GR5205: --window '5 minutes' is not a positive Prometheus duration"));
            Assert.That(run.Files, Is.Empty);
        });
    }

    [Test]
    public void An_unknown_slo_is_reported_at_its_file()
    {
        var run = AnalysisRun.Of("checkout", "--for", "flagger", "--slo-name", "throughput");

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(2));
            Assert.That(run.Errors, Does.Match(@"checkout\.yaml\(1,1,1,1\): error GR5201: --slo-name 'throughput' is not an SLO"));
            Assert.That(run.Files, Is.Empty);
        });
    }
}
