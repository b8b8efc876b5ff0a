using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Guardrails.Pipelines.Scripts;
using Guardrails.Testing;

namespace Guardrails.Pipelines.Tests.Executors;

/// <summary>
/// The rollback's kill switch in the emitted Azure Pipelines stage template, run by the local executor: on.failure
/// rolls the traffic back, then turns the flag off in a real Unleash server and publishes the record of the flags
/// it handled; a second rollback leaves the flag off and writes nothing. The command provider runs the team's
/// command after the traffic rollback.
/// </summary>
[NonParallelizable]
public sealed class AzureKillSwitchScenarioTests
{
    private const string Canary = "GuardrailsCanary";
    private const string Flag = "shop-azure-checkout";

    /// <summary>The environment of the Unleash SDK token the test server creates.</summary>
    private const string FlagEnvironment = "development";

    private UnleashServer unleash = null!;

    [OneTimeSetUp]
    public void StartUnleash() => unleash = UnleashServer.Start();

    [OneTimeTearDown]
    public void StopUnleash() => unleash?.Dispose();

    [Test]
    public async Task A_rolled_back_canary_has_its_flag_off_and_a_second_rollback_changes_nothing()
    {
        await unleash.CreateFlagOnAsync(Flag, FlagEnvironment);
        Assert.That(await unleash.SdkSeesAsync(Flag, expected: true), Is.True, "on before the rollback");
        using var release = new CanaryRelease(_ => 0.0005);
        var parameters = release.AzureParameters([10, 100], deployCommand: release.FailingDeployCommand);
        parameters["killSwitchFlags"] = Flag;
        parameters["killSwitchUrl"] = unleash.Address.ToString();
        parameters["killSwitchEnvironment"] = FlagEnvironment;

        // A caller passes a secret variable's macro; the executor has no secret store, so the value itself.
        parameters["killSwitchToken"] = UnleashServer.AdminToken;

        var first = release.RunAzure(parameters);
        var sdkAfterFirst = await unleash.SdkSeesAsync(Flag, expected: false);
        var eventsAfterFirst = await unleash.EventCountAsync(Flag);
        var second = release.RunAzure(parameters);

        Assert.Multiple(async () =>
        {
            Assert.That(release.CallSequence, Is.EqualTo("deploy | rollback | deploy | rollback"), first.Log + second.Log);
            Assert.That(first.ExitCode, Is.Zero, first.Log);
            Assert.That(first.Hooks(Canary), Is.EqualTo("preDeploy: failed | on.failure: succeeded"), first.Log);
            Assert.That(sdkAfterFirst, Is.False, "off after the rollback, as an SDK of the environment sees it");
            Assert.That(Flags(first), Is.EqualTo($"unleash {Flag} default {FlagEnvironment} turned-off"));

            Assert.That(second.Hooks(Canary), Is.EqualTo("preDeploy: failed | on.failure: succeeded"), second.Log);
            Assert.That(Flags(second), Is.EqualTo($"unleash {Flag} default {FlagEnvironment} already-off"));
            Assert.That(await unleash.SdkSeesAsync(Flag, expected: false), Is.False, "still off");
            Assert.That(await unleash.EventCountAsync(Flag), Is.EqualTo(eventsAfterFirst), "the second rollback wrote nothing to Unleash");
            Assert.That(first.Log + second.Log, Does.Not.Contain("guardrails-test-admin-token"), "the token is never printed");
        });
    }

    [Test]
    public void The_command_provider_runs_the_teams_command_after_the_traffic_rollback()
    {
        using var release = new CanaryRelease(_ => 0.0005);
        var parameters = release.AzureParameters([10, 100], deployCommand: release.FailingDeployCommand);
        parameters["killSwitchFlags"] = "shop-a shop-b";
        parameters["killSwitchProvider"] = "command";
        parameters["killSwitchCommand"] = $"echo \"flags off $GUARDRAILS_KILL_SWITCH_FLAGS in $GUARDRAILS_KILL_SWITCH_ENVIRONMENT\" >> {release.CallsFile}";

        var outcome = release.RunAzure(parameters);

        Assert.That(outcome.ExitCode, Is.Zero, outcome.Log);
        Assert.Multiple(() =>
        {
            Assert.That(release.CallSequence, Is.EqualTo("deploy | rollback | flags off shop-a shop-b in staging"), outcome.Log);
            Assert.That(outcome.Hooks(Canary), Is.EqualTo("preDeploy: failed | on.failure: succeeded"));
            Assert.That(Flags(outcome), Is.EqualTo("command shop-a default staging turned-off | command shop-b default staging turned-off"));
        });
    }

    /// <summary>The flags of the kill-switch record the run published, one "provider flag project environment result" each.</summary>
    private static string Flags(PipelineOutcome outcome)
    {
        var artifact = outcome.Result!["artifacts"]!.AsArray()
            .Single(artifact => ((string)artifact!["name"]!).StartsWith("guardrails-kill-switch-", StringComparison.Ordinal))!;
        var record = JsonNode.Parse(File.ReadAllText(Path.Combine((string)artifact["path"]!, KillSwitchScript.RecordFileName)))!;
        var flags = record["flags"]?.AsArray() ?? [];
        return string.Join(" | ", flags.Select(flag => $"{flag!["provider"]} {flag["flag"]} {flag["project"]} {flag["environment"]} {flag["result"]}"));
    }
}
