using System.Collections.Generic;
using System.IO;
using Guardrails.Pipelines.Adapters;

namespace Guardrails.Pipelines.Tests;

/// <summary>Adapters do what their operation says, roll back safely twice, and never run a setting as code.</summary>
public sealed class TrafficAdapterScriptTests
{
    private static Dictionary<string, string> Nginx(string operation, string percent = "0") => new()
    {
        ["GUARDRAILS_OPERATION"] = operation,
        ["GUARDRAILS_TRAFFIC_PERCENT"] = percent,
        ["GUARDRAILS_KUBERNETES_NAMESPACE"] = "shop",
        ["GUARDRAILS_CANARY_INGRESS"] = "checkout-canary",
        ["GUARDRAILS_CANARY_MANIFESTS"] = "k8s/canary",
        ["GUARDRAILS_STABLE_MANIFESTS"] = "k8s/stable",
    };

    [Test]
    public void Nginx_route_sets_the_canary_weight_annotation()
    {
        var sandbox = new BashSandbox().Fake("kubectl");

        var outcome = sandbox.Run(new NginxIngressAdapter().Script, Nginx("route", "25"));

        Assert.That(outcome.ExitCode, Is.Zero, outcome.Output);
        Assert.That(sandbox.Calls, Is.EqualTo("kubectl annotate ingress checkout-canary --namespace shop --overwrite nginx.ingress.kubernetes.io/canary-weight=25\n"));
    }

    [Test]
    public void Nginx_rollback_runs_twice_and_sets_the_weight_to_zero_each_time()
    {
        var sandbox = new BashSandbox().Fake("kubectl", output: "ingress.networking.k8s.io/checkout-canary");

        var first = sandbox.Run(new NginxIngressAdapter().Script, Nginx("rollback"));
        var second = sandbox.Run(new NginxIngressAdapter().Script, Nginx("rollback"));

        Assert.That(first.ExitCode, Is.Zero, first.Output);
        Assert.That(second.ExitCode, Is.Zero, second.Output);
        Assert.That(sandbox.Calls.Split('\n'), Has.Exactly(2).Contains("canary-weight=0"));
    }

    [Test]
    public void Nginx_rollback_after_a_failed_first_deploy_has_nothing_to_undo_and_succeeds()
    {
        var sandbox = new BashSandbox().Fake("kubectl", output: string.Empty);

        var outcome = sandbox.Run(new NginxIngressAdapter().Script, Nginx("rollback"));

        Assert.That(outcome.ExitCode, Is.Zero, outcome.Output);
        Assert.That(outcome.Output, Does.Contain("nothing to roll back"));
        Assert.That(sandbox.Calls, Does.Not.Contain("annotate"));
    }

    [Test]
    public void Nginx_rollback_fails_loudly_when_the_cluster_cannot_be_reached()
    {
        var outcome = new BashSandbox().Fake("kubectl", exitCode: 1).Run(new NginxIngressAdapter().Script, Nginx("rollback"));

        Assert.That(outcome.ExitCode, Is.Not.Zero);
    }

    [Test]
    public void App_service_route_sends_the_percentage_to_the_slot_and_rollback_clears_routing()
    {
        var sandbox = new BashSandbox().Fake("az");
        var settings = new Dictionary<string, string>
        {
            ["GUARDRAILS_TRAFFIC_PERCENT"] = "50",
            ["GUARDRAILS_AZURE_RESOURCE_GROUP"] = "rg-shop",
            ["GUARDRAILS_AZURE_WEBAPP"] = "checkout",
            ["GUARDRAILS_AZURE_SLOT"] = "canary",
            ["GUARDRAILS_PACKAGE"] = "app.zip",
        };

        sandbox.Run(new AppServiceSlotAdapter().Script, new Dictionary<string, string>(settings) { ["GUARDRAILS_OPERATION"] = "route" });
        sandbox.Run(new AppServiceSlotAdapter().Script, new Dictionary<string, string>(settings) { ["GUARDRAILS_OPERATION"] = "rollback" });

        Assert.That(sandbox.Calls, Is.EqualTo(
            "az webapp traffic-routing set --resource-group rg-shop --name checkout --distribution canary=50 --output none\n" +
            "az webapp traffic-routing clear --resource-group rg-shop --name checkout --output none\n"));
    }

    [Test]
    public void Script_adapter_runs_the_operations_command_with_the_percentage_in_its_environment()
    {
        var sandbox = new BashSandbox();
        var routed = Path.Combine(sandbox.Folder, "routed");

        var outcome = sandbox.Run(new ScriptAdapter().Script, new Dictionary<string, string>
        {
            ["GUARDRAILS_OPERATION"] = "route",
            ["GUARDRAILS_TRAFFIC_PERCENT"] = "10",
            ["GUARDRAILS_DEPLOY_COMMAND"] = "exit 1",
            ["GUARDRAILS_ROUTE_COMMAND"] = $"printf '%s' \"$GUARDRAILS_TRAFFIC_PERCENT\" > '{routed}'",
            ["GUARDRAILS_PROMOTE_COMMAND"] = "exit 1",
            ["GUARDRAILS_ROLLBACK_COMMAND"] = "exit 1",
        });

        Assert.That(outcome.ExitCode, Is.Zero, outcome.Output);
        Assert.That(File.ReadAllText(routed), Is.EqualTo("10"));
    }

    [Test]
    public void A_setting_that_looks_like_code_stays_data()
    {
        var sandbox = new BashSandbox().Fake("kubectl");
        var marker = Path.Combine(sandbox.Folder, "injected");
        var settings = Nginx("route", "10");
        settings["GUARDRAILS_CANARY_INGRESS"] = $"x$(touch '{marker}')";

        sandbox.Run(new NginxIngressAdapter().Script, settings);

        Assert.That(marker, Does.Not.Exist);
        Assert.That(sandbox.Calls, Does.Contain("ingress x$(touch"));
    }
}
