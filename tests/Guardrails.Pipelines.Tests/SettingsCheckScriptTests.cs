using System.Collections.Generic;
using System.IO;
using Guardrails.Pipelines.Model;
using Guardrails.Pipelines.Scripts;

namespace Guardrails.Pipelines.Tests;

/// <summary>The first step of every canary rejects bad caller values with the generator's GR50xx IDs.</summary>
public sealed class SettingsCheckScriptTests
{
    private static readonly CanaryPipeline Pipeline = new() { Version = "1.2.3" };

    private static Dictionary<string, string> ScriptAdapter(string steps = "10,25,50,100", string bake = "5") => new()
    {
        ["GUARDRAILS_TRAFFIC_STEPS"] = steps,
        ["GUARDRAILS_BAKE_MINUTES"] = bake,
        ["GUARDRAILS_ADAPTER"] = "script",
        ["GUARDRAILS_DEPLOY_COMMAND"] = "./deploy.sh",
        ["GUARDRAILS_ROUTE_COMMAND"] = "./route.sh",
        ["GUARDRAILS_PROMOTE_COMMAND"] = "./promote.sh",
        ["GUARDRAILS_ROLLBACK_COMMAND"] = "./rollback.sh",
    };

    [Test]
    public void Valid_settings_pass_and_give_the_step_matrix_as_json()
    {
        var sandbox = new BashSandbox();

        var outcome = sandbox.Run(SettingsCheckScript.Render(Pipeline, CiSystem.GitHubActions), ScriptAdapter(steps: "5, 20,100"));

        Assert.That(outcome.ExitCode, Is.Zero, outcome.Output);
        Assert.That(File.ReadAllText(sandbox.OutputFile), Is.EqualTo("traffic-steps=[5,20,100]\n"));
    }

    [TestCase("10,5,100", "must increase strictly")]
    [TestCase("10,25,50", "must end at 100")]
    [TestCase("10,abc,100", "'abc' is not a percentage")]
    [TestCase("0,100", "'0' is not a percentage")]
    [TestCase("10,101", "'101' is not a percentage")]
    [TestCase("", "must end at 100")]
    public void Bad_traffic_steps_fail_with_GR5001(string steps, string reason)
    {
        var outcome = new BashSandbox().Run(SettingsCheckScript.Render(Pipeline, CiSystem.GitHubActions), ScriptAdapter(steps: steps));

        Assert.That(outcome.ExitCode, Is.EqualTo(2));
        Assert.That(outcome.Output, Does.Contain("error GR5001: traffic-steps").And.Contain(reason));
    }

    [TestCase("5.5")]
    [TestCase("361")]
    [TestCase("-1")]
    public void A_bad_bake_time_fails_with_GR5003(string bake)
    {
        var outcome = new BashSandbox().Run(SettingsCheckScript.Render(Pipeline, CiSystem.GitHubActions), ScriptAdapter(bake: bake));

        Assert.That(outcome.ExitCode, Is.EqualTo(2));
        Assert.That(outcome.Output, Does.Contain("error GR5003: bake-minutes"));
    }

    [Test]
    public void An_unknown_adapter_fails_with_GR5002()
    {
        var environment = ScriptAdapter();
        environment["GUARDRAILS_ADAPTER"] = "istio";

        var outcome = new BashSandbox().Run(SettingsCheckScript.Render(Pipeline, CiSystem.GitHubActions), environment);

        Assert.That(outcome.ExitCode, Is.EqualTo(2));
        Assert.That(outcome.Output, Does.Contain("error GR5002: adapter 'istio' is not one of nginx, azure-app-service, script."));
    }

    [TestCase(CiSystem.GitHubActions, "rollback-command")]
    [TestCase(CiSystem.AzurePipelines, "rollbackCommand")]
    public void A_missing_adapter_setting_fails_with_GR5006_naming_the_input_as_the_caller_spells_it(CiSystem system, string input)
    {
        var environment = ScriptAdapter();
        environment["GUARDRAILS_ROLLBACK_COMMAND"] = string.Empty;

        var outcome = new BashSandbox().Run(SettingsCheckScript.Render(Pipeline, system), environment);

        Assert.That(outcome.ExitCode, Is.EqualTo(2));
        Assert.That(outcome.Output, Does.Contain($"error GR5006: the script adapter needs the {input} input."));
    }
}
