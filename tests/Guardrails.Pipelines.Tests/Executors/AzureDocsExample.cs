using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Guardrails.Gate.PromQl;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Guardrails.Pipelines.Tests.Executors;

/// <summary>
/// The Azure Pipelines example of docs/templates.md, read at test time: the ref of the templates repository
/// resource and the canary stage template's parameters as written (unquoted whole numbers as numbers, lists as
/// lists), which the scenario passes to the stage template and builds its fixtures and expectations from.
/// </summary>
internal sealed class AzureDocsExample
{
    private AzureDocsExample(string reference, IReadOnlyDictionary<string, object> parameters)
    {
        Reference = reference;
        Parameters = parameters;
    }

    /// <summary>The ref the example's repository resource pins, such as <c>refs/tags/v1.0.0</c>.</summary>
    public string Reference { get; }

    /// <summary>The stage template's parameters as the example gives them.</summary>
    public IReadOnlyDictionary<string, object> Parameters { get; }

    /// <summary>The tag <see cref="Reference"/> names.</summary>
    public string Tag
    {
        get
        {
            Assert.That(Reference, Does.StartWith("refs/tags/"), "the example pins the templates repository to a tag");
            return Reference["refs/tags/".Length..];
        }
    }

    public static AzureDocsExample Read()
    {
        var pipeline = YamlTree.Load(TemplatesGuide.Example("azure-pipelines"));
        var resource = ((YamlSequenceNode)((YamlMappingNode)pipeline.Get("resources")!).Get("repositories")!).Children.Cast<YamlMappingNode>()
            .Single(repository => repository.Text("name") == CanaryRelease.TemplatesRepository);
        var stage = ((YamlSequenceNode)pipeline.Get("stages")!).Children.Cast<YamlMappingNode>()
            .Single(item => item.Text("template") == "azure/canary-stage.yml@" + resource.Text("repository"));
        var parameters = ((YamlMappingNode)stage.Get("parameters")!).Children.ToDictionary(
            pair => ((YamlScalarNode)pair.Key).Value!,
            pair => Plain(pair.Value),
            StringComparer.Ordinal);
        return new AzureDocsExample(resource.Text("ref")!, parameters);
    }

    /// <summary>The example's value of the text parameter <paramref name="name"/>, or the stage template's default.</summary>
    public string Value(string name) =>
        Parameters.TryGetValue(name, out var value) ? Convert.ToString(value, CultureInfo.InvariantCulture)! : StageDefault(name);

    /// <summary>The traffic steps the example releases through, in order.</summary>
    public IReadOnlyList<int> TrafficSteps =>
        Parameters.TryGetValue("trafficSteps", out var steps)
            ? [.. ((IEnumerable<object>)steps).Cast<int>()]
            : [.. StageDefault("trafficSteps").Trim('[', ']').Split(',').Select(step => int.Parse(step, CultureInfo.InvariantCulture))];

    /// <summary>The service the example releases, and the labels its canary's series need for the selector to match them.</summary>
    public CanaryService Service
    {
        get
        {
            var selector = LabelSelector.Parse(Value("selector"));
            Assert.That(selector.Matchers.Select(matcher => matcher.Operator), Is.All.EqualTo("="), $"the example's selector '{selector}' must use only = matchers for the test's metrics to carry its labels.");
            return new CanaryService(
                Value("service"),
                Value("sloFile"),
                Value("sloName"),
                [.. selector.Matchers.Select(matcher => new KeyValuePair<string, string>(matcher.Name, matcher.QuotedValue[1..^1]))]);
        }
    }

    /// <summary>The parameters with <paramref name="overrides"/> applied on top.</summary>
    public Dictionary<string, object> With(IReadOnlyDictionary<string, object> overrides)
    {
        var parameters = Parameters.ToDictionary(pair => pair.Key, pair => pair.Value, StringComparer.Ordinal);
        foreach (var (name, value) in overrides)
        {
            parameters[name] = value;
        }

        return parameters;
    }

    private static object Plain(YamlNode node) => node switch
    {
        YamlScalarNode { Style: ScalarStyle.Plain, Value: { } text } when int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number) => number,
        YamlScalarNode scalar => scalar.Value ?? string.Empty,
        YamlSequenceNode sequence => sequence.Children.Select(Plain).ToList(),
        YamlMappingNode mapping => mapping.Children.ToDictionary(pair => ((YamlScalarNode)pair.Key).Value!, pair => Plain(pair.Value), StringComparer.Ordinal),
        _ => throw new AssertionException($"docs/templates.md: unexpected YAML node {node.NodeType} in the Azure example's parameters"),
    };

    private static string StageDefault(string name)
    {
        var stage = YamlTree.Load(EmittedTemplates.Files.Single(file => file.RelativePath == "azure/canary-stage.yml").Content);
        var parameter = ((YamlSequenceNode)stage.Get("parameters")!).Children.Cast<YamlMappingNode>().SingleOrDefault(item => item.Text("name") == name);
        return parameter?.Get("default") switch
        {
            YamlScalarNode scalar => scalar.Value ?? string.Empty,
            YamlSequenceNode sequence => "[" + string.Join(",", sequence.Children.Cast<YamlScalarNode>().Select(item => item.Value)) + "]",
            _ => throw new AssertionException($"the Azure example gives no '{name}' and the stage template has no default for it."),
        };
    }
}
