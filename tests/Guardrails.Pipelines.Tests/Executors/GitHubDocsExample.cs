using System;
using System.Collections.Generic;
using System.Linq;
using Guardrails.Gate.PromQl;
using YamlDotNet.RepresentationModel;

namespace Guardrails.Pipelines.Tests.Executors;

/// <summary>
/// The GitHub Actions example of docs/templates.md, read at test time: its text, and the job that calls the
/// reusable workflow guardrails-canary.yml with its <c>uses:</c> and its <c>with:</c> values as written (which the
/// scenario builds its fixtures and expectations from: the SLO file, the manifests, the kubectl calls).
/// </summary>
internal sealed class GitHubDocsExample
{
    public const string ReusableWorkflow = CanaryRelease.TemplatesRepository + "/.github/workflows/guardrails-canary.yml";

    private GitHubDocsExample(string text, string jobId, string uses, IReadOnlyDictionary<string, string> with)
    {
        Text = text;
        JobId = jobId;
        Uses = uses;
        With = with;
    }

    /// <summary>The example as the docs give it, to be copied into a repository's .github/workflows.</summary>
    public string Text { get; }

    /// <summary>The id of the job that calls the reusable workflow ("canary" in the example).</summary>
    public string JobId { get; }

    /// <summary>The job's <c>uses:</c>, such as <c>guardrails-dotnet/guardrails-templates/.github/workflows/guardrails-canary.yml@v1.0.0</c>.</summary>
    public string Uses { get; }

    /// <summary>The ref the job calls the reusable workflow at (after the '@').</summary>
    public string Reference => Uses[(Uses.LastIndexOf('@') + 1)..];

    /// <summary>The job's <c>with:</c>, each value as written.</summary>
    public IReadOnlyDictionary<string, string> With { get; }

    public static GitHubDocsExample Read()
    {
        var text = TemplatesGuide.Example("github-actions");
        var jobs = (YamlMappingNode)YamlTree.Load(text).Get("jobs")!;
        var (id, job) = jobs.Children
            .Select(pair => (Id: ((YamlScalarNode)pair.Key).Value!, Job: (YamlMappingNode)pair.Value))
            .Single(pair => pair.Job.Text("uses")?.StartsWith(ReusableWorkflow + "@", StringComparison.Ordinal) == true);
        var with = job.Get("with") is YamlMappingNode mapping
            ? mapping.Children.ToDictionary(pair => ((YamlScalarNode)pair.Key).Value!, pair => ((YamlScalarNode)pair.Value).Value!, StringComparer.Ordinal)
            : [];
        foreach (var (name, value) in with)
        {
            // The executor evaluates expressions; the fixtures below are built from the literal values.
            Assert.That(value, Does.Not.Contain("${{"), $"docs/templates.md, job '{id}', with.{name}: the scenario builds its fixtures from literal with: values; extend GitHubDocsExample to evaluate '{value}'.");
        }

        return new GitHubDocsExample(text, id, job.Text("uses")!, with);
    }

    /// <summary>The example's value of <paramref name="input"/>, or the reusable workflow's default when it gives none.</summary>
    public string Value(string input) =>
        With.TryGetValue(input, out var value) ? value : WorkflowDefault(input);

    /// <summary>The traffic steps the example releases through, in order.</summary>
    public IReadOnlyList<int> TrafficSteps => [.. Value("traffic-steps").Split(',').Select(step => int.Parse(step.Trim(), System.Globalization.CultureInfo.InvariantCulture))];

    /// <summary>
    /// The service the example releases: its name, SLO file and SLO, and the labels its canary's series need
    /// for the example's selector to match them (only <c>name="value"</c> matchers can label a series).
    /// </summary>
    public CanaryService Service
    {
        get
        {
            var selector = LabelSelector.Parse(Value("selector"));
            Assert.That(selector.Matchers.Select(matcher => matcher.Operator), Is.All.EqualTo("="), $"the example's selector '{selector}' must use only = matchers for the test's metrics to carry its labels.");
            return new CanaryService(
                Value("service"),
                Value("slo-file"),
                Value("slo-name"),
                [.. selector.Matchers.Select(matcher => new KeyValuePair<string, string>(matcher.Name, matcher.QuotedValue[1..^1]))]);
        }
    }

    private static string WorkflowDefault(string input)
    {
        var workflow = YamlTree.Load(EmittedTemplates.GitHubWorkflows.Single().Content);
        var inputs = (YamlMappingNode)((YamlMappingNode)((YamlMappingNode)workflow.Get("on")!).Get("workflow_call")!).Get("inputs")!;
        var definition = inputs.Get(input) as YamlMappingNode;
        Assert.That(definition?.Text("default"), Is.Not.Null, $"the example gives no '{input}' and the reusable workflow has no default for it.");
        return definition!.Text("default")!;
    }
}
