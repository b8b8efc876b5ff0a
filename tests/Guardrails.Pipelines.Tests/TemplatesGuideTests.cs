using System;
using System.IO;
using System.Linq;
using YamlDotNet.RepresentationModel;

namespace Guardrails.Pipelines.Tests;

/// <summary>docs/templates.md: its copy-paste examples pass the same validators, and its tables list every input.</summary>
public sealed class TemplatesGuideTests
{
    private static YamlMappingNode Workflow =>
        YamlTree.Load(EmittedTemplates.GitHubWorkflows.Single(file => file.RelativePath == GitHub.GitHubWorkflowEmitter.Path).Content);

    private static YamlMappingNode Stage =>
        YamlTree.Load(EmittedTemplates.Files.Single(file => file.RelativePath == "azure/canary-stage.yml").Content);

    [Test]
    public void Both_examples_pass_every_validator_and_the_workflow_call_matches_the_released_inputs()
    {
        var consumer = ScratchFolders.Create("guardrails-docs-");
        var workflow = Path.Combine(consumer, ".github", "workflows", "release.yml");
        var pipeline = Path.Combine(consumer, "azure", "azure-pipelines.yml");
        Directory.CreateDirectory(Path.GetDirectoryName(workflow)!);
        Directory.CreateDirectory(Path.GetDirectoryName(pipeline)!);
        File.WriteAllText(workflow, TemplatesGuide.Example("github-actions"));
        File.WriteAllText(pipeline, TemplatesGuide.Example("azure-pipelines"));

        // The reusable workflow reference resolves to the emitted file, so its inputs are checked too.
        var findings = TemplateValidators.Run([workflow, pipeline], EmittedTemplates.Directory);

        Assert.That(findings.Select(finding => finding.ToString()), Is.Empty);
    }

    [Test]
    public void The_github_example_passes_secrets_by_name_and_never_inherits_them()
    {
        var example = TemplatesGuide.Example("github-actions");

        Assert.That(example, Does.Not.Contain("secrets: inherit"));
        Assert.That(example, Does.Contain("secrets:\n      KUBECONFIG: ${{ secrets.KUBECONFIG }}"));
    }

    [Test]
    public void The_azure_example_gives_every_required_parameter_and_only_declared_ones()
    {
        var example = YamlTree.Load(TemplatesGuide.Example("azure-pipelines"));
        var usage = ((YamlSequenceNode)example.Get("stages")!).Children.OfType<YamlMappingNode>()
            .Single(stage => stage.Text("template") == "azure/canary-stage.yml@guardrails");
        var given = ((YamlMappingNode)usage.Get("parameters")!).Children.Keys.Select(key => key.ToString()).ToList();
        var declared = ((YamlSequenceNode)Stage.Get("parameters")!).Children.Cast<YamlMappingNode>().ToList();

        Assert.That(given, Is.SubsetOf(declared.Select(parameter => parameter.Text("name"))));
        Assert.That(declared.Where(parameter => parameter.Get("default") is null).Select(parameter => parameter.Text("name")), Is.SubsetOf(given));
    }

    [Test]
    public void The_inputs_table_documents_every_workflow_input_with_its_type_and_whether_it_is_required()
    {
        var rows = TemplatesGuide.TableUnder("Inputs").ToDictionary(row => row[0], StringComparer.Ordinal);
        var inputs = (YamlMappingNode)((YamlMappingNode)((YamlMappingNode)Workflow.Get("on")!).Get("workflow_call")!).Get("inputs")!;

        Assert.That(rows.Keys, Is.EquivalentTo(inputs.Children.Keys.Select(key => key.ToString())));
        foreach (var (key, value) in inputs.Children)
        {
            var input = (YamlMappingNode)value;
            var row = rows[key.ToString()];
            Assert.That(row[1], Is.EqualTo(input.Text("type")), key.ToString());
            Assert.That(row[2], Is.EqualTo(input.Text("required") == "true" ? "yes" : "no"), key.ToString());
            Assert.That(row[4], Is.EqualTo(input.Text("description")), key.ToString());
        }
    }

    [Test]
    public void The_secrets_table_documents_every_declared_secret()
    {
        var rows = TemplatesGuide.TableUnder("Secrets").Select(row => row[0]);
        var secrets = (YamlMappingNode)((YamlMappingNode)((YamlMappingNode)Workflow.Get("on")!).Get("workflow_call")!).Get("secrets")!;

        Assert.That(rows, Is.EquivalentTo(secrets.Children.Keys.Select(key => key.ToString())));
    }

    [Test]
    public void The_parameters_table_documents_every_stage_parameter_with_its_type_and_whether_it_is_required()
    {
        var rows = TemplatesGuide.TableUnder("Parameters").ToDictionary(row => row[0], StringComparer.Ordinal);
        var parameters = ((YamlSequenceNode)Stage.Get("parameters")!).Children.Cast<YamlMappingNode>().ToList();

        Assert.That(rows.Keys, Is.EquivalentTo(parameters.Select(parameter => parameter.Text("name"))));
        foreach (var parameter in parameters)
        {
            var row = rows[parameter.Text("name")!];
            Assert.That(row[1], Does.StartWith(parameter.Text("type")!), parameter.Text("name"));
            Assert.That(row[2], Is.EqualTo(parameter.Get("default") is null ? "yes" : "no"), parameter.Text("name"));
            Assert.That(row[4], Is.EqualTo(parameter.Text("displayName")), parameter.Text("name"));
        }
    }
}
