using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Guardrails.Testing;

namespace Guardrails.Pipelines.Tests.Executors;

/// <summary>
/// The rollback's kill switch in the emitted GitHub Actions workflow, run by the local executor against a real
/// Unleash server: a canary that burns is rolled back and its feature flag, on before, is off as Unleash's client
/// API sees it; a second rollback leaves it off and writes nothing; the deployment record lists the flag. The
/// command provider runs the team's command after the traffic rollback.
/// </summary>
[NonParallelizable]
public sealed class GitHubKillSwitchScenarioTests
{
    private const string Flag = "shop-new-checkout";

    /// <summary>The environment of the Unleash SDK token the test server creates.</summary>
    private const string FlagEnvironment = "development";

    private UnleashServer unleash = null!;

    [OneTimeSetUp]
    public void StartUnleash() => unleash = UnleashServer.Start();

    [OneTimeTearDown]
    public void StopUnleash() => unleash?.Dispose();

    [Test]
    public async Task A_burning_canary_is_rolled_back_with_its_flag_off_and_a_second_rollback_changes_nothing()
    {
        await unleash.CreateFlagOnAsync(Flag, FlagEnvironment);
        Assert.That(await unleash.SdkSeesAsync(Flag, expected: true), Is.True, "on before the rollback");
        using var release = new CanaryRelease(percent => percent >= 25 ? 0.2 : 0.0005);
        var secrets = new Dictionary<string, string> { ["KILL_SWITCH_TOKEN"] = UnleashServer.AdminToken };

        var burning = release.RunGitHub(KillSwitch(release.Inputs("25,100")), secrets: secrets);
        var sdkAfterFirst = await unleash.SdkSeesAsync(Flag, expected: false);
        var eventsAfterFirst = await unleash.EventCountAsync(Flag);
        var failedDeploy = release.RunGitHub(KillSwitch(release.Inputs("10,100", deployCommand: release.FailingDeployCommand)), secrets: secrets);

        Assert.That(burning.ExitCode, Is.Zero, burning.Log);
        Assert.Multiple(async () =>
        {
            Assert.That(release.CallSequence, Is.EqualTo("deploy | route 25 | rollback | deploy | rollback"), burning.Log + failedDeploy.Log);
            Assert.That(burning.JobResult("rollback"), Is.EqualTo("success"), burning.Log);
            Assert.That(burning.Output("result"), Is.EqualTo("rolled-back"));
            Assert.That(sdkAfterFirst, Is.False, "off after the rollback, as an SDK of the environment sees it");
            Assert.That(Flags(burning), Is.EqualTo($"unleash {Flag} default {FlagEnvironment} turned-off"));

            Assert.That(failedDeploy.JobResult("rollback"), Is.EqualTo("success"), failedDeploy.Log);
            Assert.That(Flags(failedDeploy), Is.EqualTo($"unleash {Flag} default {FlagEnvironment} already-off"));
            Assert.That(await unleash.SdkSeesAsync(Flag, expected: false), Is.False, "still off");
            Assert.That(await unleash.EventCountAsync(Flag), Is.EqualTo(eventsAfterFirst), "the second rollback wrote nothing to Unleash");

            Assert.That(burning.Log + failedDeploy.Log, Does.Not.Contain("guardrails-test-admin-token"), "the token is never printed");
        });
    }

    [Test]
    public void The_command_provider_runs_the_teams_command_after_the_traffic_rollback()
    {
        using var release = new CanaryRelease(_ => 0.0005);
        var inputs = release.Inputs("10,100", deployCommand: release.FailingDeployCommand);
        inputs["kill-switch-flags"] = "shop-a, shop-b";
        inputs["kill-switch-provider"] = "command";
        inputs["kill-switch-command"] = $"echo \"flags off $GUARDRAILS_KILL_SWITCH_FLAGS in $GUARDRAILS_KILL_SWITCH_ENVIRONMENT\" >> {release.CallsFile}";

        var outcome = release.RunGitHub(inputs);

        Assert.That(outcome.ExitCode, Is.Zero, outcome.Log);
        Assert.Multiple(() =>
        {
            Assert.That(release.CallSequence, Is.EqualTo("deploy | rollback | flags off shop-a, shop-b in staging"), outcome.Log);
            Assert.That(outcome.JobResult("rollback"), Is.EqualTo("success"));
            Assert.That(Flags(outcome), Is.EqualTo("command shop-a default staging turned-off | command shop-b default staging turned-off"));
        });
    }

    [Test]
    public void Without_flags_the_rollback_only_moves_traffic_and_the_record_has_no_flags()
    {
        using var release = new CanaryRelease(_ => 0.0005);
        var inputs = release.Inputs("10,100", deployCommand: release.FailingDeployCommand);
        inputs["kill-switch-provider"] = "command";
        inputs["kill-switch-command"] = $"echo \"flags off\" >> {release.CallsFile}";

        var outcome = release.RunGitHub(inputs);

        Assert.That(outcome.ExitCode, Is.Zero, outcome.Log);
        Assert.Multiple(() =>
        {
            Assert.That(release.CallSequence, Is.EqualTo("deploy | rollback"), outcome.Log);
            Assert.That(outcome.JobResult("rollback"), Is.EqualTo("success"));
            Assert.That(JsonNode.Parse(outcome.Output("deployment-record"))!.AsObject().ContainsKey("flags"), Is.False);
        });
    }

    private Dictionary<string, object> KillSwitch(Dictionary<string, object> inputs)
    {
        inputs["kill-switch-flags"] = Flag;
        inputs["kill-switch-url"] = unleash.Address.ToString();
        inputs["kill-switch-environment"] = FlagEnvironment;
        return inputs;
    }

    /// <summary>The deployment record's flags, one "provider flag project environment result" each, joined with " | ".</summary>
    private static string Flags(WorkflowOutcome outcome)
    {
        var record = JsonNode.Parse(outcome.Output("deployment-record"))!;
        var flags = record["flags"]?.AsArray() ?? [];
        return string.Join(" | ", flags.Select(flag => $"{flag!["provider"]} {flag["flag"]} {flag["project"]} {flag["environment"]} {flag["result"]}"));
    }
}
