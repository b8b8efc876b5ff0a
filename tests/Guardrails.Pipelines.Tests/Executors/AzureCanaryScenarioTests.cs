using System.Linq;

namespace Guardrails.Pipelines.Tests.Executors;

/// <summary>
/// The emitted Azure Pipelines stage template run end to end by the local executor, from the release's tag as
/// a caller's pipeline references it: the script adapter, the packed Guardrails.Cli running the real gate, and a
/// real Prometheus scraping the service's counters. The same scenarios as <see cref="GitHubCanaryScenarioTests"/>.
/// </summary>
[NonParallelizable]
public sealed class AzureCanaryScenarioTests
{
    private const string Canary = "GuardrailsCanary";
    private const string RollbackAfterCancel = "GuardrailsRollbackAfterCancel";

    private static double Healthy(int percent) => 0.0005;

    [Test]
    public void A_healthy_canary_is_deployed_once_routed_and_gated_at_every_increment_then_promoted()
    {
        using var release = new CanaryRelease(Healthy);

        var outcome = release.RunAzure(release.AzureParameters([10, 50, 100]));

        Assert.That(outcome.ExitCode, Is.Zero, outcome.Log);
        Assert.Multiple(() =>
        {
            Assert.That(release.CallSequence, Is.EqualTo("deploy | route 10 | route 50 | route 100 | promote"), outcome.Log);
            Assert.That(release.Calls.Count(call => call == "deploy"), Is.EqualTo(1), "preDeploy deploys the canary once per release");
            Assert.That(outcome.Hooks(Canary), Is.EqualTo(
                "preDeploy: succeeded | routeTraffic_10: succeeded | postRouteTraffic_10: succeeded | routeTraffic_50: succeeded | postRouteTraffic_50: succeeded"
                + " | routeTraffic_100: succeeded | postRouteTraffic_100: succeeded | on.success: succeeded"));
            Assert.That(outcome.JobResult(Canary), Is.EqualTo("succeeded"));
            Assert.That(outcome.JobResult(RollbackAfterCancel), Is.EqualTo("skipped"));
            Assert.That(outcome.PipelineResult, Is.EqualTo("succeeded"));
            Assert.That(outcome.GateDecisions, Is.EqualTo("10%: promote | 50%: promote | 100%: promote"), "one gate record per increment, named by it");
        });
    }

    [Test]
    public void A_canary_burning_at_the_second_increment_is_rolled_back_once_and_never_promoted()
    {
        using var release = new CanaryRelease(percent => percent >= 25 ? 0.2 : 0.0005);

        var outcome = release.RunAzure(release.AzureParameters([10, 25, 50, 100]));

        Assert.That(outcome.ExitCode, Is.Zero, outcome.Log);
        Assert.Multiple(() =>
        {
            Assert.That(release.CallSequence, Is.EqualTo("deploy | route 10 | route 25 | rollback"), outcome.Log);
            Assert.That(outcome.Hooks(Canary), Is.EqualTo(
                "preDeploy: succeeded | routeTraffic_10: succeeded | postRouteTraffic_10: succeeded | routeTraffic_25: succeeded | postRouteTraffic_25: failed | on.failure: succeeded"));
            Assert.That(outcome.JobResult(Canary), Is.EqualTo("failed"));
            Assert.That(outcome.JobResult(RollbackAfterCancel), Is.EqualTo("skipped"));
            Assert.That(outcome.GateDecisions, Is.EqualTo("10%: promote | 25%: rollback"));
            Assert.That(outcome.Log, Does.Contain("Guardrails gate: decision rollback (exit code 1)"));
        });
    }

    [Test]
    public void A_failed_deploy_is_rolled_back_and_the_rollback_is_safe_to_run_again()
    {
        using var release = new CanaryRelease(Healthy);
        var parameters = release.AzureParameters([10, 100], deployCommand: release.FailingDeployCommand);

        var first = release.RunAzure(parameters);
        var second = release.RunAzure(parameters);

        Assert.Multiple(() =>
        {
            Assert.That(release.CallSequence, Is.EqualTo("deploy | rollback | deploy | rollback"), first.Log + second.Log);
            foreach (var outcome in new[] { first, second })
            {
                Assert.That(outcome.ExitCode, Is.Zero, outcome.Log);
                Assert.That(outcome.Hooks(Canary), Is.EqualTo("preDeploy: failed | on.failure: succeeded"));
                Assert.That(outcome.JobResult(Canary), Is.EqualTo("failed"));
                Assert.That(outcome.PipelineResult, Is.EqualTo("failed"));
            }
        });
    }

    [Test]
    public void A_run_cancelled_during_a_bake_still_rolls_back()
    {
        using var release = new CanaryRelease(Healthy);
        var parameters = release.AzureParameters([10, 25, 100]);
        parameters["bakeMinutes"] = 1;

        var outcome = release.RunAzure(parameters, cancelDuring: "Bake at 10%");

        Assert.That(outcome.ExitCode, Is.Zero, outcome.Log);
        Assert.Multiple(() =>
        {
            Assert.That(release.CallSequence, Is.EqualTo("deploy | route 10 | rollback"), outcome.Log);
            Assert.That(outcome.PipelineResult, Is.EqualTo("canceled"));
            Assert.That(outcome.Hooks(Canary), Is.EqualTo("preDeploy: succeeded | routeTraffic_10: succeeded | postRouteTraffic_10: canceled"), "on.failure does not run for a cancelled run");
            Assert.That(outcome.JobResult(Canary), Is.EqualTo("canceled"));
            Assert.That(outcome.JobResult(RollbackAfterCancel), Is.EqualTo("succeeded"));
        });
    }

    [TestCase("fail", "rollback")]
    [TestCase("pass", "promote")]
    public void Without_canary_traffic_the_on_no_data_policy_decides(string onNoData, string decision)
    {
        using var release = new CanaryRelease(Healthy, canaryShare: 0);
        var parameters = release.AzureParameters([100]);
        parameters["onNoData"] = onNoData;

        var outcome = release.RunAzure(parameters);

        Assert.That(outcome.ExitCode, Is.Zero, outcome.Log);
        Assert.Multiple(() =>
        {
            Assert.That(release.CallSequence, Is.EqualTo($"deploy | route 100 | {decision}"), outcome.Log);
            Assert.That(outcome.GateDecisions, Is.EqualTo($"100%: {decision}"));
            Assert.That(outcome.JobResult(Canary), Is.EqualTo(decision == "promote" ? "succeeded" : "failed"));
        });
    }

    // As in GitHubCanaryScenarioTests: the failed canary's errors are still in the window when the next one starts;
    // the gate reads only serviceVersion's series, one window after it starts.
    [Test]
    public void A_healthy_canary_started_right_after_a_failed_one_is_promoted()
    {
        using var release = new CanaryRelease((version, percent) => version == "1.9.0" ? 0.2 : 0.0005);

        var failed = release.RunAzure(release.AzureParameters([10, 100], version: "1.9.0"));
        var healthy = release.RunAzure(release.AzureParameters([10, 100]));

        Assert.That(healthy.ExitCode, Is.Zero, healthy.Log);
        Assert.Multiple(() =>
        {
            Assert.That(release.CallSequence, Is.EqualTo("deploy | route 10 | rollback | deploy | route 10 | route 100 | promote"), failed.Log + healthy.Log);
            Assert.That(failed.GateDecisions, Is.EqualTo("10%: rollback"));
            Assert.That(healthy.GateDecisions, Is.EqualTo("10%: promote | 100%: promote"));
            Assert.That(healthy.JobResult(Canary), Is.EqualTo("succeeded"));
        });
    }

    [Test]
    public void A_parameter_outside_its_values_is_refused_before_anything_runs()
    {
        using var release = new CanaryRelease(Healthy);
        var parameters = release.AzureParameters([10, 100]);
        parameters["adapter"] = "blue-green";

        var outcome = release.RunAzure(parameters);

        Assert.Multiple(() =>
        {
            Assert.That(outcome.ExitCode, Is.EqualTo(2), outcome.Log);
            Assert.That(outcome.Result, Is.Null, "no run started");
            Assert.That(release.CallSequence, Is.Empty);
            Assert.That(outcome.Log, Does.Contain("azure-pipelines.yml:10:5: the 'adapter' parameter value 'blue-green' is not a valid value; use one of nginx, azure-app-service, script"));
        });
    }

    [Test]
    public void Bad_traffic_steps_deploy_nothing_and_say_why()
    {
        using var release = new CanaryRelease(Healthy);

        var outcome = release.RunAzure(release.AzureParameters([10, 50]));

        Assert.That(outcome.ExitCode, Is.Zero, outcome.Log);
        Assert.Multiple(() =>
        {
            // on.failure runs for any failed hook, the settings check in preDeploy included: the rollback is safe to run twice.
            Assert.That(release.CallSequence, Is.EqualTo("rollback"), outcome.Log);
            Assert.That(outcome.Hooks(Canary), Is.EqualTo("preDeploy: failed | on.failure: succeeded"));
            Assert.That(outcome.Log, Does.Contain("error GR5001: trafficSteps '10,50' must end at 100"));
        });
    }
}
