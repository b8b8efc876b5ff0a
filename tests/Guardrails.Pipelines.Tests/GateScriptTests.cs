using System.Collections.Generic;
using System.IO;
using Guardrails.Pipelines.Model;
using Guardrails.Pipelines.Scripts;

namespace Guardrails.Pipelines.Tests;

/// <summary>The gate step passes every setting to `guardrails gate` and fails closed on anything but promote.</summary>
public sealed class GateScriptTests
{
    private static readonly Dictionary<string, string> Settings = new()
    {
        ["GUARDRAILS_SERVICE_VERSION"] = "2.1.0",
        ["GUARDRAILS_SLO_FILE"] = "slo/checkout.yaml",
        ["GUARDRAILS_SLO_NAME"] = "checkout-availability",
        ["GUARDRAILS_PROMETHEUS_URL"] = "http://127.0.0.1:9090",
        ["GUARDRAILS_LATENCY_SLO_NAME"] = "",
        ["GUARDRAILS_SELECTOR"] = "track=\"canary\"",
        ["GUARDRAILS_VERSION_LABEL"] = "",
        ["GUARDRAILS_WINDOW"] = "5m",
        ["GUARDRAILS_WARM_UP"] = "window",
        ["GUARDRAILS_MAX_BURN_RATE"] = "14.4",
        ["GUARDRAILS_INTERVAL"] = "30s",
        ["GUARDRAILS_SAMPLES"] = "10",
        ["GUARDRAILS_FAILURE_LIMIT"] = "1",
        ["GUARDRAILS_ERROR_LIMIT"] = "4",
        ["GUARDRAILS_INCONCLUSIVE_LIMIT"] = "0",
        ["GUARDRAILS_MIN_REQUESTS"] = "10",
        ["GUARDRAILS_ON_NO_DATA"] = "fail",
        ["GUARDRAILS_TRAFFIC_QUERY"] = "sum(rate(http_requests_total[{{.window}}]))",
        ["GUARDRAILS_QUERY_TIMEOUT"] = "10s",
        ["GUARDRAILS_QUERY_RETRIES"] = "2",
        ["GUARDRAILS_RETRY_DELAY"] = "1s",
        ["GUARDRAILS_DEADLINE"] = "15m",
        ["GUARDRAILS_CA_BUNDLE"] = "",
        ["GUARDRAILS_RECORD_FILE"] = "gate.json",
        ["GUARDRAILS_STEP"] = "25%",
    };

    [TestCase(0, "promote")]
    [TestCase(1, "rollback")]
    [TestCase(2, "configuration-error")]
    [TestCase(3, "inconclusive")]
    [TestCase(134, "error")]
    public void The_gate_exit_code_becomes_the_step_result_and_a_decision_output(int exitCode, string decision)
    {
        var sandbox = new BashSandbox().Fake("guardrails", exitCode);

        var outcome = sandbox.Run(Script(CiSystem.GitHubActions), Settings);

        Assert.That(outcome.ExitCode, Is.EqualTo(exitCode));
        Assert.That(File.ReadAllText(sandbox.OutputFile), Is.EqualTo($"decision={decision}\nexit-code={exitCode}\n"));
        Assert.That(outcome.Output, exitCode == 0 ? Does.Not.Contain("::error") : Does.Contain("::error title=Guardrails gate::decision " + decision));
    }

    private static string Script(CiSystem system) => GateScript.Run(
        system,
        [.. CanaryInputs.ForGateStep(CanaryInputs.For(new CanaryPipeline { Version = EmittedTemplates.Version })), GateScript.RecordFileInput("gate.json"), GateScript.StepInput]);

    // A blank value of an option the gate leaves unset (latency SLO, CA bundle) passes nothing; a blank version label
    // is passed, because the gate's default label is "version" and blank turns it off.
    [Test]
    public void Every_setting_reaches_the_gate_as_its_own_argument()
    {
        var sandbox = new BashSandbox().Fake("guardrails");

        sandbox.Run(Script(CiSystem.AzurePipelines), Settings);

        Assert.That(sandbox.Calls, Is.EqualTo(
            "guardrails gate --service-version 2.1.0 --slo slo/checkout.yaml --slo-name checkout-availability --prometheus http://127.0.0.1:9090 " +
            "--selector track=\"canary\" --version-label  --window 5m --warm-up window --max-burn-rate 14.4 --interval 30s --samples 10 " +
            "--failure-limit 1 --error-limit 4 --inconclusive-limit 0 --min-requests 10 --on-no-data fail " +
            "--traffic-query sum(rate(http_requests_total[{{.window}}])) --query-timeout 10s --query-retries 2 --retry-delay 1s --deadline 15m " +
            "--record gate.json --step 25%\n"));
    }

    [Test]
    public void A_prometheus_token_reaches_the_gate_by_the_name_of_its_variable_never_on_the_command_line()
    {
        var sandbox = new BashSandbox().Fake("guardrails");
        var withToken = new Dictionary<string, string>(Settings) { ["GUARDRAILS_PROMETHEUS_TOKEN"] = "s3cr3t-token" };

        sandbox.Run(Script(CiSystem.GitHubActions), withToken);

        Assert.That(sandbox.Calls, Does.Contain("--step 25% --bearer-token-env GUARDRAILS_PROMETHEUS_TOKEN\n"));
        Assert.That(sandbox.Calls, Does.Not.Contain("s3cr3t-token"));
    }

    [Test]
    public void Azure_gets_the_decision_as_an_output_variable()
    {
        var outcome = new BashSandbox().Fake("guardrails", 1).Run(Script(CiSystem.AzurePipelines), Settings);

        Assert.That(outcome.Output, Does.Contain("##vso[task.setvariable variable=decision;isOutput=true]rollback"));
        Assert.That(outcome.Output, Does.Contain("##vso[task.logissue type=error]"));
    }
}
