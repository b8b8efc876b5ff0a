using System;
using System.Linq;
using System.Text.Json.Nodes;

namespace Guardrails.Pipelines.Tests.Executors;

/// <summary>
/// The emitted GitHub Actions workflow run end to end by the local executor: the script adapter, the packed
/// Guardrails.Cli running the real gate, and a real Prometheus scraping the service's counters.
/// </summary>
[NonParallelizable]
public sealed class GitHubCanaryScenarioTests
{
    private static double Healthy(int percent) => 0.0005;

    [Test]
    public void A_healthy_canary_is_routed_and_gated_at_every_step_then_promoted()
    {
        using var release = new CanaryRelease(Healthy);

        var outcome = release.RunGitHub(release.Inputs("10,50,100"));

        Assert.That(outcome.ExitCode, Is.Zero, outcome.Log);
        Assert.Multiple(() =>
        {
            Assert.That(release.CallSequence, Is.EqualTo("deploy | route 10 | route 50 | route 100 | promote"), outcome.Log);
            Assert.That(string.Join(" | ", outcome.LegResults("traffic")), Is.EqualTo("success | success | success"));
            Assert.That(outcome.JobResult("promote"), Is.EqualTo("success"));
            Assert.That(outcome.JobResult("rollback"), Is.EqualTo("skipped"));
            Assert.That(outcome.Output("result"), Is.EqualTo("promoted"));
            var steps = Gates(outcome).Select(gate => $"{gate!["steps"]![0]!["step"]}: {gate["decision"]}");
            Assert.That(string.Join(" | ", steps), Is.EqualTo("10%: promote | 50%: promote | 100%: promote"), "one gate record per traffic step, named by it");
        });
    }

    [Test]
    public void A_canary_burning_at_the_second_step_is_rolled_back_once_and_never_promoted()
    {
        using var release = new CanaryRelease(percent => percent >= 25 ? 0.2 : 0.0005);

        var outcome = release.RunGitHub(release.Inputs("10,25,50,100"));

        Assert.That(outcome.ExitCode, Is.Zero, outcome.Log);
        Assert.Multiple(() =>
        {
            Assert.That(release.CallSequence, Is.EqualTo("deploy | route 10 | route 25 | rollback"), outcome.Log);
            Assert.That(string.Join(" | ", outcome.LegResults("traffic")), Is.EqualTo("success | failure | cancelled | cancelled"));
            Assert.That(outcome.JobResult("promote"), Is.EqualTo("skipped"));
            Assert.That(outcome.JobResult("rollback"), Is.EqualTo("success"));
            Assert.That(outcome.Output("result"), Is.EqualTo("rolled-back"));
            var steps = Gates(outcome).Select(gate => $"{gate!["steps"]![0]!["step"]}: {gate["decision"]}");
            Assert.That(string.Join(" | ", steps), Is.EqualTo("10%: promote | 25%: rollback"), outcome.Output("deployment-record"));
        });
    }

    // What a real service found: a healthy canary started right after a failing one was rolled back at its first read,
    // because the window still held the failed canary's errors. The gate now reads only the released version's series
    // (version="<service-version>" joins the selector) and waits one window before its first read.
    [Test]
    public void A_healthy_canary_started_right_after_a_failed_one_is_promoted()
    {
        using var release = new CanaryRelease((version, percent) => version == "1.9.0" ? 0.2 : 0.0005);

        var failed = release.RunGitHub(release.Inputs("10,100", version: "1.9.0"));
        var healthy = release.RunGitHub(release.Inputs("10,100"));

        Assert.That(healthy.ExitCode, Is.Zero, healthy.Log);
        Assert.Multiple(() =>
        {
            Assert.That(release.CallSequence, Is.EqualTo("deploy | route 10 | rollback | deploy | route 10 | route 100 | promote"), failed.Log + healthy.Log);
            Assert.That(failed.Output("result"), Is.EqualTo("rolled-back"));
            Assert.That(healthy.Output("result"), Is.EqualTo("promoted"));
            var gates = Gates(healthy).Select(gate => gate!["steps"]![0]!).ToList();
            Assert.That(
                string.Join(" | ", gates.Select(step => $"{step["step"]}: {step["selector"]}")),
                Is.EqualTo("10%: track=\"canary\",version=\"2.0.0\" | 100%: track=\"canary\",version=\"2.0.0\""),
                "each gate reads only the released version's series");
            foreach (var step in gates)
            {
                var startedAt = step["startedAt"]!.GetValue<DateTimeOffset>();
                var firstRead = step["reads"]![0]!["timestamp"]!.GetValue<DateTimeOffset>();
                Assert.That(firstRead - startedAt, Is.GreaterThanOrEqualTo(TimeSpan.FromSeconds(10)), $"{step["step"]}: the first read waits one 10s window");
            }
        });
    }

    [Test]
    public void A_failed_deploy_is_rolled_back_and_the_rollback_is_safe_to_run_again()
    {
        using var release = new CanaryRelease(Healthy);
        var inputs = release.Inputs("10,100", deployCommand: release.FailingDeployCommand);

        var first = release.RunGitHub(inputs);
        var second = release.RunGitHub(inputs);

        Assert.Multiple(() =>
        {
            Assert.That(release.CallSequence, Is.EqualTo("deploy | rollback | deploy | rollback"), first.Log + second.Log);
            foreach (var outcome in new[] { first, second })
            {
                Assert.That(outcome.JobResult("deploy-canary"), Is.EqualTo("failure"));
                Assert.That(outcome.JobResult("traffic"), Is.EqualTo("skipped"));
                Assert.That(outcome.JobResult("promote"), Is.EqualTo("skipped"));
                Assert.That(outcome.JobResult("rollback"), Is.EqualTo("success"));
                Assert.That(outcome.Output("result"), Is.EqualTo("rolled-back"));
            }
        });
    }

    [Test]
    public void A_run_cancelled_during_a_bake_still_rolls_back()
    {
        using var release = new CanaryRelease(Healthy);
        var inputs = release.Inputs("10,25,100");
        inputs["bake-minutes"] = 1;

        var outcome = release.RunGitHub(inputs, cancelDuring: "Bake at 10%");

        Assert.That(outcome.ExitCode, Is.Zero, outcome.Log);
        Assert.Multiple(() =>
        {
            Assert.That(release.CallSequence, Is.EqualTo("deploy | route 10 | rollback"), outcome.Log);
            Assert.That(outcome.Conclusion, Is.EqualTo("cancelled"));
            Assert.That(string.Join(" | ", outcome.LegResults("traffic")), Is.EqualTo("cancelled | cancelled | cancelled"));
            Assert.That(outcome.JobResult("promote"), Is.EqualTo("skipped"));
            Assert.That(outcome.JobResult("rollback"), Is.EqualTo("success"));
            Assert.That(outcome.Output("result"), Is.EqualTo("rolled-back"));
        });
    }

    [TestCase("fail", "rolled-back")]
    [TestCase("pass", "promoted")]
    public void Without_canary_traffic_the_on_no_data_policy_decides(string onNoData, string result)
    {
        using var release = new CanaryRelease(Healthy, canaryShare: 0);
        var inputs = release.Inputs("100");
        inputs["on-no-data"] = onNoData;

        var outcome = release.RunGitHub(inputs);

        Assert.That(outcome.ExitCode, Is.Zero, outcome.Log);
        var expected = result == "promoted" ? "deploy | route 100 | promote" : "deploy | route 100 | rollback";
        Assert.Multiple(() =>
        {
            Assert.That(release.CallSequence, Is.EqualTo(expected), outcome.Log);
            Assert.That(outcome.Output("result"), Is.EqualTo(result));
        });
    }

    [Test]
    public void Bad_traffic_steps_deploy_nothing_and_say_why()
    {
        using var release = new CanaryRelease(Healthy);

        var outcome = release.RunGitHub(release.Inputs("10,50"));

        Assert.That(outcome.ExitCode, Is.Zero, outcome.Log);
        Assert.Multiple(() =>
        {
            Assert.That(release.CallSequence, Is.Empty);
            Assert.That(outcome.JobResult("plan"), Is.EqualTo("failure"));
            Assert.That(outcome.JobResult("deploy-canary"), Is.EqualTo("skipped"));
            Assert.That(outcome.JobResult("rollback"), Is.EqualTo("skipped"));
            Assert.That(outcome.Output("result"), Is.EqualTo("invalid-settings"));
            Assert.That(outcome.Log, Does.Contain("error GR5001: traffic-steps '10,50' must end at 100"));
        });
    }

    private static JsonArray Gates(WorkflowOutcome outcome) =>
        JsonNode.Parse(outcome.Output("deployment-record"))!["gates"]!.AsArray();
}
