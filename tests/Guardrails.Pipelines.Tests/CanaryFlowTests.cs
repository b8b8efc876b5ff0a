using System.Globalization;
using System.Linq;
using Guardrails.Pipelines.Model;
using YamlDotNet.RepresentationModel;

namespace Guardrails.Pipelines.Tests;

/// <summary>The shape of the canary a release engineer relies on: order, rollback path, gate version.</summary>
public sealed class CanaryFlowTests
{
    private static readonly string[] JobsBeforeRollback = ["plan", "deploy-canary", "traffic", "promote"];

    private static readonly string[] WorkflowOutputs = ["result", "deployment-record"];

    private static YamlMappingNode Jobs =>
        (YamlMappingNode)YamlTree.Load(EmittedTemplates.GitHubWorkflows.Single(file => file.RelativePath == GitHub.GitHubWorkflowEmitter.Path).Content).Get("jobs")!;

    private static YamlMappingNode AzureStage =>
        (YamlMappingNode)((YamlSequenceNode)YamlTree.Load(Emitted("azure/canary-stage.yml")).Get("stages")!).Children.Single();

    [Test]
    public void GitHub_has_one_job_per_stage_of_the_model_in_order_each_waiting_for_every_stage_before_it()
    {
        var ids = CanaryStages.All.Select(stage => stage.Id).ToList();

        Assert.That(Jobs.Children.Keys.Select(key => key.ToString()), Is.EqualTo(ids));
        for (var index = 1; index < ids.Count; index++)
        {
            var needs = ((YamlSequenceNode)((YamlMappingNode)Jobs.Get(ids[index])!).Get("needs")!).Children.Select(need => need.ToString());
            Assert.That(needs, Is.EqualTo(ids.Take(index)), ids[index]);
        }
    }

    [Test]
    public void GitHub_runs_the_traffic_steps_one_at_a_time_in_order_and_stops_at_the_first_failed_gate()
    {
        var strategy = (YamlMappingNode)((YamlMappingNode)Jobs.Get("traffic")!).Get("strategy")!;

        Assert.That(strategy.Text("max-parallel"), Is.EqualTo("1"));
        Assert.That(strategy.Text("fail-fast"), Is.EqualTo("true"));
        Assert.That(((YamlMappingNode)strategy.Get("matrix")!).Text("traffic-percent"), Is.EqualTo("${{ fromJSON(needs.plan.outputs.traffic-steps) }}"));
    }

    [Test]
    public void GitHub_rolls_back_after_a_failure_or_cancellation_of_any_canary_job_including_the_first_deploy()
    {
        var rollback = (YamlMappingNode)Jobs.Get("rollback")!;
        var needs = ((YamlSequenceNode)rollback.Get("needs")!).Children.Select(need => need.ToString());

        Assert.That(needs, Is.EquivalentTo(JobsBeforeRollback));
        Assert.That(rollback.Text("if"), Does.Contain("always()")
            .And.Contain("contains(needs.*.result, 'failure')")
            .And.Contain("contains(needs.*.result, 'cancelled')"));
    }

    [Test]
    public void GitHub_records_the_outcome_whatever_happened_and_exposes_it_as_outputs()
    {
        var record = (YamlMappingNode)Jobs.Get("record")!;
        var outputs = (YamlMappingNode)((YamlMappingNode)((YamlMappingNode)YamlTree.Load(EmittedTemplates.GitHubWorkflows.Single(file => file.RelativePath == GitHub.GitHubWorkflowEmitter.Path).Content).Get("on")!).Get("workflow_call")!).Get("outputs")!;

        Assert.That(record.Text("if"), Is.EqualTo("${{ always() }}"));
        Assert.That(outputs.Children.Keys.Select(key => key.ToString()), Is.EquivalentTo(WorkflowOutputs));
    }

    [Test]
    public void Azure_runs_a_canary_deployment_whose_hooks_gate_roll_back_and_promote()
    {
        var deployment = ((YamlSequenceNode)AzureStage.Get("jobs")!).Children.Cast<YamlMappingNode>().Single(job => job.Get("deployment") is not null);
        var canary = (YamlMappingNode)((YamlMappingNode)deployment.Get("strategy")!).Get("canary")!;
        string Hook(YamlMappingNode hook) => string.Join("\n", ((YamlSequenceNode)hook.Get("steps")!).Children.Select(step => step.ToString()));
        var on = (YamlMappingNode)canary.Get("on")!;

        Assert.That(canary.Text("increments"), Is.EqualTo("${{ parameters.trafficSteps }}"));
        Assert.That(Hook((YamlMappingNode)canary.Get("postRouteTraffic")!), Does.Contain("steps/gate.yml"));
        Assert.That(Hook((YamlMappingNode)on.Get("failure")!), Does.Contain("rollback"));
        Assert.That(Hook((YamlMappingNode)on.Get("success")!), Does.Contain("promote"));
    }

    [Test]
    public void Azure_rolls_back_a_cancelled_canary_in_a_job_of_its_own()
    {
        var job = ((YamlSequenceNode)AzureStage.Get("jobs")!).Children.Cast<YamlMappingNode>().Single(candidate => candidate.Get("job") is not null);

        Assert.That(job.Text("condition"), Is.EqualTo("canceled()"));
        Assert.That(job.Text("dependsOn"), Is.EqualTo("GuardrailsCanary"));
        Assert.That(job.Get("steps")!.ToString(), Does.Contain("rollback"));
    }

    [TestCase(".github/actions/guardrails-gate/action.yml")]
    [TestCase("azure/steps/gate.yml")]
    public void The_gate_installs_the_cli_of_the_same_version_as_the_templates(string path)
    {
        var text = Emitted(path);

        Assert.That(text, Does.Contain("dotnet tool install Guardrails.Cli --version \"$GUARDRAILS_VERSION\""));
        Assert.That(text, Does.Contain($"default: '{EmittedTemplates.Version}'"));
    }

    [Test]
    public void The_files_do_not_depend_on_the_machine_culture()
    {
        var culture = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
            var german = PipelineTemplateGenerator.Generate(new CanaryPipeline { Version = EmittedTemplates.Version }, "tests").Files;

            Assert.That(german, Is.EqualTo(EmittedTemplates.Files));
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
        }
    }

    private static string Emitted(string path) => EmittedTemplates.Files.Single(file => file.RelativePath == path).Content;
}
