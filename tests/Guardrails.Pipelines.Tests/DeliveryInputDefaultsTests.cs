using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Guardrails.Cli.Commands.Delivery;
using Guardrails.Pipelines.Azure;
using Guardrails.Pipelines.GitHub;
using YamlDotNet.RepresentationModel;

namespace Guardrails.Pipelines.Tests;

/// <summary>
/// The delivery templates' policy inputs default to what <c>guardrails pr-size</c>, <c>wip</c> and <c>dora</c> do
/// without the option: read back from the emitted files of both CI systems and compared with the CLI's settings.
/// "No limit" and "not given" are written as 0 and the empty string.
/// </summary>
public sealed class DeliveryInputDefaultsTests
{
    private static Dictionary<string, string> CliDefaults()
    {
        var size = new PrSizeSettings();
        var wip = new WipSettings();
        var dora = new DoraSettings();
        return new()
        {
            ["max-lines"] = Number(size.MaxLines),
            ["max-files"] = Number(size.MaxFiles ?? 0),
            ["sizes"] = size.Sizes,
            ["max-per-author"] = Number(wip.MaxPerAuthor),
            ["max-per-team"] = Number(wip.MaxPerTeam ?? 0),
            ["teams"] = string.Join("\n", wip.Teams),
            ["max-age"] = wip.MaxAge,
            ["include-drafts"] = wip.IncludeDrafts ? "true" : "false",
            ["deployments-from-tags"] = dora.TagPattern ?? string.Empty,
            ["deployment-records"] = dora.DeploymentRecords ?? string.Empty,
            ["incidents"] = dora.Incidents ?? string.Empty,
            ["since"] = dora.Since ?? string.Empty,
            ["baseline-until"] = dora.BaselineUntil ?? string.Empty,
        };
    }

    [TestCase(GitHubPullRequestWorkflowEmitter.Path)]
    [TestCase(GitHubDoraWorkflowEmitter.Path)]
    public void Every_github_policy_input_defaults_to_the_clis_default(string path)
    {
        var file = EmittedTemplates.Files.Single(file => file.RelativePath == path);
        var call = (YamlMappingNode)((YamlMappingNode)YamlTree.Load(file.Content).Get("on")!).Get("workflow_call")!;
        var defaults = ((YamlMappingNode)call.Get("inputs")!).Children
            .ToDictionary(pair => pair.Key.ToString(), pair => ((YamlMappingNode)pair.Value).Text("default"));

        AssertAreTheClisDefaults(defaults, name => name);
    }

    [TestCase(AzureDeliveryTemplatesEmitter.PullRequestChecksPath)]
    [TestCase(AzureDeliveryTemplatesEmitter.DoraReportPath)]
    public void Every_azure_policy_parameter_defaults_to_the_clis_default(string path)
    {
        var file = EmittedTemplates.Files.Single(file => file.RelativePath == path);
        var defaults = ((YamlSequenceNode)YamlTree.Load(file.Content).Get("parameters")!).Children.Cast<YamlMappingNode>()
            .ToDictionary(parameter => parameter.Text("name")!, parameter => parameter.Text("default"));

        AssertAreTheClisDefaults(defaults, name => new Model.TemplateInput(name, Model.TemplateInputType.Text, string.Empty, null).AzureName);
    }

    private static void AssertAreTheClisDefaults(Dictionary<string, string?> declared, System.Func<string, string> nameIn)
    {
        var policy = CliDefaults().Where(pair => declared.ContainsKey(nameIn(pair.Key))).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(policy, Has.Count.GreaterThanOrEqualTo(5), "the template declares the CLI's policy options");
            foreach (var (name, value) in policy)
            {
                Assert.That(declared[nameIn(name)], Is.EqualTo(value), $"the default of {nameIn(name)}");
            }
        });
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
