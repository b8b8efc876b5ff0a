using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Guardrails.Pipelines.Azure;
using Guardrails.Pipelines.GitHub;
using YamlDotNet.RepresentationModel;

namespace Guardrails.Pipelines.Tests;

/// <summary>docs/delivery.md: its four copy-paste callers pass the validators, and its tables document every input of both CI systems.</summary>
public sealed class DeliveryGuideTests
{
    [Test]
    public void The_four_callers_pass_every_validator_against_the_released_templates()
    {
        var consumer = ScratchFolders.Create("guardrails-delivery-docs-");
        var files = new[]
        {
            (Tag: "github-pull-request", Path: Path.Combine(consumer, ".github", "workflows", "pull-request.yml")),
            (Tag: "github-dora-weekly", Path: Path.Combine(consumer, ".github", "workflows", "dora.yml")),
            (Tag: "azure-pull-request", Path: Path.Combine(consumer, "azure", "pull-request.yml")),
            (Tag: "azure-dora-weekly", Path: Path.Combine(consumer, "azure", "dora.yml")),
        };
        foreach (var (tag, path) in files)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, TemplatesGuide.Example(tag, TemplatesGuide.Delivery));
        }

        // The reusable workflow references resolve to the emitted files, so the callers' with: are checked too.
        var findings = TemplateValidators.Run(files.Select(file => file.Path), EmittedTemplates.Directory);

        Assert.That(findings.Select(finding => finding.ToString()), Is.Empty);
    }

    [TestCase("azure-pull-request", AzureDeliveryTemplatesEmitter.PullRequestChecksPath)]
    [TestCase("azure-dora-weekly", AzureDeliveryTemplatesEmitter.DoraReportPath)]
    public void The_azure_callers_give_only_declared_parameters(string tag, string template)
    {
        var example = YamlTree.Load(TemplatesGuide.Example(tag, TemplatesGuide.Delivery));
        var usage = YamlTree.AllMappings(example).Single(mapping => mapping.Text("template") == template + "@guardrails");
        var given = ((YamlMappingNode)usage.Get("parameters")!).Children.Keys.Select(key => key.ToString());

        Assert.That(given, Is.SubsetOf(AzureParameters(template).Select(parameter => parameter.Text("name"))));
    }

    [TestCase("Pull request checks: inputs", GitHubPullRequestWorkflowEmitter.Path, AzureDeliveryTemplatesEmitter.PullRequestChecksPath)]
    [TestCase("Weekly DORA report: inputs", GitHubDoraWorkflowEmitter.Path, AzureDeliveryTemplatesEmitter.DoraReportPath)]
    public void The_inputs_table_documents_every_input_of_both_ci_systems(string heading, string workflow, string template)
    {
        var rows = TemplatesGuide.TableUnder(heading, TemplatesGuide.Delivery).ToDictionary(row => row[0], StringComparer.Ordinal);
        var call = (YamlMappingNode)((YamlMappingNode)YamlTree.Load(Emitted(workflow)).Get("on")!).Get("workflow_call")!;
        var inputs = ((YamlMappingNode)call.Get("inputs")!).Children.ToDictionary(pair => pair.Key.ToString(), pair => (YamlMappingNode)pair.Value);
        var parameters = AzureParameters(template).ToDictionary(parameter => parameter.Text("name")!);

        Assert.That(rows.Keys, Is.EquivalentTo(inputs.Keys));
        Assert.Multiple(() =>
        {
            foreach (var (name, input) in inputs)
            {
                var row = rows[name];
                var azureName = new Model.TemplateInput(name, Model.TemplateInputType.Text, string.Empty, null).AzureName;
                Assert.That(row[1], Is.EqualTo(parameters.ContainsKey(azureName) ? azureName : "(GitHub only)"), name);
                Assert.That(row[2], Is.EqualTo(input.Text("type")), name);
                var expected = name == "guardrails-version" ? "the release" : input.Text("default") is { Length: > 0 } value ? value : "(empty)";
                Assert.That(row[3], Is.EqualTo(expected), name);
                Assert.That(row[4], Is.EqualTo(input.Text("description")), name);
                if (parameters.TryGetValue(azureName, out var parameter))
                {
                    Assert.That(parameter.Text("displayName"), Is.EqualTo(input.Text("description")), azureName);
                }
            }

            Assert.That(parameters.Keys, Is.SubsetOf(rows.Values.Select(row => row[1])), "every Azure parameter is documented");
        });
    }

    private static string Emitted(string path) => EmittedTemplates.Files.Single(file => file.RelativePath == path).Content;

    private static IEnumerable<YamlMappingNode> AzureParameters(string path) =>
        ((YamlSequenceNode)YamlTree.Load(Emitted(path)).Get("parameters")!).Children.Cast<YamlMappingNode>();
}
