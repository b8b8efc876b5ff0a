using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Guardrails.Gate;
using Guardrails.Pipelines.Model;
using YamlDotNet.RepresentationModel;

namespace Guardrails.Pipelines.Tests;

/// <summary>
/// The templates' gate inputs are the gate's options: every input passed to a gate option has the gate's own
/// default, read back from the emitted files of both CI systems (not from the model that emitted them).
/// </summary>
public sealed class GateInputDefaultsTests
{
    private static readonly IReadOnlyList<string> GateFlags = [.. typeof(GateOptionNames)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(field => (string)field.GetValue(null)!)];

    private static readonly string[] GateStepFiles = [".github/actions/guardrails-gate/action.yml", "azure/steps/gate.yml"];

    [Test]
    public void Every_github_gate_input_default_is_the_gates_default()
    {
        var defaults = EmittedTemplates.GitHubFiles.SelectMany(file => GitHubDefaults(file)).ToList();

        AssertAreTheGatesDefaults(defaults);
    }

    [Test]
    public void Every_azure_gate_parameter_default_is_the_gates_default()
    {
        var defaults = EmittedTemplates.AzureFiles.SelectMany(file => AzureDefaults(file)).ToList();

        AssertAreTheGatesDefaults(defaults);
    }

    [Test]
    public void The_failure_limit_default_is_zero_as_in_the_gate()
    {
        var input = CanaryInputs.For(new CanaryPipeline { Version = EmittedTemplates.Version }).Single(input => input.Name == "failure-limit");

        Assert.That(input.Default, Is.EqualTo("0"));
        Assert.That(input.GateOption, Is.EqualTo(GateOptionNames.FailureLimit));
    }

    // The gate step passes each input to the gate option it is declared for, by the gate's own option names.
    [Test]
    public void The_gate_step_passes_each_gate_input_to_its_gate_option()
    {
        var inputs = CanaryInputs.For(new CanaryPipeline { Version = EmittedTemplates.Version }).Where(input => input.GateOption is not null).ToList();
        var passed = EmittedTemplates.Files
            .SelectMany(file => YamlTree.Scripts(file.Content))
            .Where(script => script.Body.Contains("guardrails gate", System.StringComparison.Ordinal))
            .SelectMany(script => System.Text.RegularExpressions.Regex.Matches(script.Body, @"(--[a-z-]+) ""\$(GUARDRAILS_[A-Z_]+)""").Select(match => (Option: match.Groups[1].Value, Variable: match.Groups[2].Value)))
            .Distinct()
            .ToList();

        Assert.Multiple(() =>
        {
            Assert.That(passed, Is.Not.Empty);
            Assert.That(passed.Select(pair => pair.Option), Is.SubsetOf(GateFlags), "every option the scripts pass is a gate option");
            foreach (var input in inputs)
            {
                Assert.That(passed, Does.Contain((input.GateOption!, input.EnvironmentVariable)), $"input {input.Name}");
            }
        });
    }

    // Every option of the gate's contract is either an input of both caller-facing templates (with the gate's default, checked
    // above) or one of the few each traffic step sets itself; and every one reaches `guardrails gate` in both CI systems.
    [Test]
    public void Every_gate_option_is_an_input_of_both_templates_or_set_by_each_step()
    {
        var inputs = CanaryInputs.For(new CanaryPipeline { Version = EmittedTemplates.Version });
        var workflow = YamlTree.Load(EmittedTemplates.Files.Single(file => file.RelativePath == ".github/workflows/guardrails-canary.yml").Content);
        var workflowInputs = ((YamlMappingNode)((YamlMappingNode)((YamlMappingNode)workflow.Get("on")!).Get("workflow_call")!).Get("inputs")!)
            .Children.Keys.Select(key => ((YamlScalarNode)key).Value!).ToList();
        var stage = YamlTree.Load(EmittedTemplates.Files.Single(file => file.RelativePath == "azure/canary-stage.yml").Content);
        var stageParameters = ((YamlSequenceNode)stage.Get("parameters")!).Children.Cast<YamlMappingNode>().Select(parameter => parameter.Text("name")!).ToList();

        Assert.Multiple(() =>
        {
            foreach (var option in GateFlags)
            {
                var input = inputs.SingleOrDefault(input => input.GateOption == option);
                if (CanaryInputs.GateOptionsSetPerStep.Contains(option))
                {
                    Assert.That(input, Is.Null, $"{option} is set by each step, not by the caller");
                }
                else
                {
                    Assert.That(input, Is.Not.Null, $"gate {option} has no template input");
                    Assert.That(workflowInputs, Does.Contain(input?.Name), $"gate {option}: the GitHub workflow's inputs");
                    Assert.That(stageParameters, Does.Contain(input?.AzureName), $"gate {option}: the Azure stage template's parameters");
                }

                foreach (var gateFile in GateStepFiles)
                {
                    var script = YamlTree.Scripts(EmittedTemplates.Files.Single(file => file.RelativePath == gateFile).Content)
                        .Single(script => script.Body.Contains("guardrails gate", System.StringComparison.Ordinal)).Body;
                    Assert.That(script, Does.Contain(option + " "), $"{gateFile} passes gate {option}");
                }
            }
        });
    }

    private static void AssertAreTheGatesDefaults(List<(string File, string Option, string Default)> defaults)
    {
        Assert.Multiple(() =>
        {
            Assert.That(defaults.Select(entry => entry.Option).Distinct(), Is.SupersetOf(new[]
            {
                GateOptionNames.Selector, GateOptionNames.Window, GateOptionNames.MaxBurnRate, GateOptionNames.Interval, GateOptionNames.Samples,
                GateOptionNames.FailureLimit, GateOptionNames.ErrorLimit, GateOptionNames.InconclusiveLimit, GateOptionNames.MinRequests, GateOptionNames.OnNoData,
                GateOptionNames.TrafficQuery, GateOptionNames.QueryTimeout, GateOptionNames.QueryRetries, GateOptionNames.RetryDelay, GateOptionNames.Deadline,
                GateOptionNames.WarmUp, GateOptionNames.VersionLabel, GateOptionNames.LatencySloName, GateOptionNames.CaBundle,
            }));
            foreach (var (file, option, value) in defaults)
            {
                // An option the gate leaves unset by default (--step) is an input whose empty default passes nothing.
                Assert.That(value, Is.EqualTo(GateOptions.Default.ValueOf(option) ?? string.Empty), $"{file}: the default of the input for gate {option}");
            }
        });
    }

    /// <summary>GitHub Actions: <c>inputs: { window: { default: 5m } }</c> in the workflow and the gate action.</summary>
    private static IEnumerable<(string File, string Option, string Default)> GitHubDefaults(TemplateFile file) =>
        from mapping in YamlTree.AllMappings(YamlTree.Load(file.Content))
        from pair in mapping.Children
        let name = (pair.Key as YamlScalarNode)?.Value
        let option = GateFlags.FirstOrDefault(option => option == "--" + name)
        where option is not null && pair.Value is YamlMappingNode input && input.Text("default") is not null
        select (file.RelativePath, option, ((YamlMappingNode)pair.Value).Text("default")!);

    /// <summary>Azure Pipelines: <c>parameters: [ { name: maxBurnRate, default: 14.4 } ]</c>.</summary>
    private static IEnumerable<(string File, string Option, string Default)> AzureDefaults(TemplateFile file) =>
        from mapping in YamlTree.AllMappings(YamlTree.Load(file.Content))
        let name = mapping.Text("name")
        let option = GateFlags.FirstOrDefault(option => new TemplateInput(option.TrimStart('-'), TemplateInputType.Text, string.Empty, null).AzureName == name)
        where option is not null && mapping.Text("default") is not null
        select (file.RelativePath, option, mapping.Text("default")!);
}
