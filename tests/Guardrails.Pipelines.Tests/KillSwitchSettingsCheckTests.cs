using System.Collections.Generic;
using Guardrails.Pipelines.Model;
using Guardrails.Pipelines.Scripts;

namespace Guardrails.Pipelines.Tests;

/// <summary>
/// With flags named, the first step of every canary checks the kill switch can run (GR5007), so a missing URL or
/// token is found before the deploy, not at the rollback that needs it.
/// </summary>
public sealed class KillSwitchSettingsCheckTests
{
    private static readonly CanaryPipeline Pipeline = new() { Version = "1.2.3" };

    private static Dictionary<string, string> Settings(string flags = "new-checkout", string provider = "unleash", string url = "https://unleash.example.com", string command = "", string tokenGiven = "true") => new()
    {
        ["GUARDRAILS_TRAFFIC_STEPS"] = "10,100",
        ["GUARDRAILS_BAKE_MINUTES"] = "5",
        ["GUARDRAILS_ADAPTER"] = "script",
        ["GUARDRAILS_DEPLOY_COMMAND"] = "./deploy.sh",
        ["GUARDRAILS_ROUTE_COMMAND"] = "./route.sh",
        ["GUARDRAILS_PROMOTE_COMMAND"] = "./promote.sh",
        ["GUARDRAILS_ROLLBACK_COMMAND"] = "./rollback.sh",
        ["GUARDRAILS_KILL_SWITCH_FLAGS"] = flags,
        ["GUARDRAILS_KILL_SWITCH_PROVIDER"] = provider,
        ["GUARDRAILS_KILL_SWITCH_URL"] = url,
        ["GUARDRAILS_KILL_SWITCH_COMMAND"] = command,
        [KillSwitchInputs.TokenGivenVariable] = tokenGiven,
    };

    [TestCase("unleash", "https://unleash.example.com", "", "true")]
    [TestCase("launchdarkly", "", "", "True")]
    [TestCase("command", "", "./flags-off.sh", "false")]
    public void A_complete_kill_switch_passes_and_is_announced(string provider, string url, string command, string tokenGiven)
    {
        var outcome = new BashSandbox().Run(SettingsCheckScript.Render(Pipeline, CiSystem.GitHubActions), Settings(provider: provider, url: url, command: command, tokenGiven: tokenGiven));

        Assert.That(outcome.ExitCode, Is.Zero, outcome.Output);
        Assert.That(outcome.Output, Does.Contain($"Kill switch: on rollback, new-checkout turned off ({provider})."));
    }

    [Test]
    public void Without_flags_nothing_about_the_kill_switch_is_required()
    {
        var outcome = new BashSandbox().Run(SettingsCheckScript.Render(Pipeline, CiSystem.GitHubActions), Settings(flags: " ", url: "", tokenGiven: "false"));

        Assert.That(outcome.ExitCode, Is.Zero, outcome.Output);
        Assert.That(outcome.Output, Does.Not.Contain("Kill switch"));
    }

    [TestCase("unleash", "", "", "true", "error GR5007: the unleash kill switch needs the kill-switch-url input")]
    [TestCase("unleash", "unleash.example.com", "", "true", "error GR5007: kill-switch-url 'unleash.example.com' is not an http or https URL")]
    [TestCase("unleash", "https://unleash.example.com", "", "false", "error GR5007: the unleash kill switch needs its API token: pass the KILL_SWITCH_TOKEN secret")]
    [TestCase("launchdarkly", "", "", "", "error GR5007: the launchdarkly kill switch needs its API token")]
    [TestCase("command", "", "", "false", "error GR5007: the command kill switch needs the kill-switch-command input")]
    [TestCase("flagsmith", "", "", "true", "error GR5007: kill-switch-provider 'flagsmith' is not unleash, launchdarkly or command")]
    public void An_incomplete_kill_switch_fails_with_GR5007_before_any_deploy(string provider, string url, string command, string tokenGiven, string error)
    {
        var outcome = new BashSandbox().Run(SettingsCheckScript.Render(Pipeline, CiSystem.GitHubActions), Settings(provider: provider, url: url, command: command, tokenGiven: tokenGiven));

        Assert.That(outcome.ExitCode, Is.EqualTo(2));
        Assert.That(outcome.Output, Does.Contain(error));
    }

    [Test]
    public void Azure_names_its_parameters()
    {
        var outcome = new BashSandbox().Run(SettingsCheckScript.Render(Pipeline, CiSystem.AzurePipelines), Settings(tokenGiven: "False"));

        Assert.That(outcome.ExitCode, Is.EqualTo(2));
        Assert.That(outcome.Output, Does.Contain("error GR5007: the unleash kill switch needs its API token: give killSwitchToken, the macro of a secret variable."));
    }
}
