using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using Guardrails.Gate.PromQl;
using YamlDotNet.RepresentationModel;

namespace Guardrails.Pipelines.Tests.Executors;

/// <summary>
/// The GitHub Actions example of docs/templates.md, read at test time, as a call of the reusable workflow: the
/// job that <c>uses:</c> guardrails-canary.yml, its <c>with:</c> values as written, and the caller's secret
/// each of its <c>secrets:</c> passes. The executor runs the reusable workflow itself, so this is the caller
/// job's part of the run: <c>with:</c> becomes the workflow's inputs and <c>secrets:</c> its secrets.
/// </summary>
internal sealed partial class GitHubDocsExample
{
    public const string ReusableWorkflow = CanaryRelease.TemplatesRepository + "/.github/workflows/guardrails-canary.yml";

    private GitHubDocsExample(string jobId, string uses, IReadOnlyDictionary<string, string> with, IReadOnlyDictionary<string, string> secretSources)
    {
        JobId = jobId;
        Uses = uses;
        With = with;
        SecretSources = secretSources;
    }

    /// <summary>The caller job's id ("canary" in the example).</summary>
    public string JobId { get; }

    /// <summary>The job's <c>uses:</c>, such as <c>guardrails-dotnet/guardrails-templates/.github/workflows/guardrails-canary.yml@v1.0.0</c>.</summary>
    public string Uses { get; }

    /// <summary>The job's <c>with:</c>, each value as written.</summary>
    public IReadOnlyDictionary<string, string> With { get; }

    /// <summary>For each secret of the reusable workflow the job passes, the caller's secret it passes.</summary>
    public IReadOnlyDictionary<string, string> SecretSources { get; }

    public static GitHubDocsExample Read()
    {
        var jobs = (YamlMappingNode)YamlTree.Load(TemplatesGuide.Example("github-actions")).Get("jobs")!;
        var (id, job) = jobs.Children
            .Select(pair => (Id: ((YamlScalarNode)pair.Key).Value!, Job: (YamlMappingNode)pair.Value))
            .Single(pair => pair.Job.Text("uses")?.StartsWith(ReusableWorkflow + "@", StringComparison.Ordinal) == true);
        var with = Scalars(job, "with", id);
        foreach (var (name, value) in with)
        {
            // GitHub would evaluate an expression in the caller's contexts; the executor runs only the reusable workflow.
            Assert.That(value, Does.Not.Contain("${{"), $"docs/templates.md, job '{id}', with.{name}: the scenario passes with: values as written and cannot evaluate an expression; map it like secrets: or extend GitHubDocsExample.");
        }

        var secrets = Scalars(job, "secrets", id).ToDictionary(
            pair => pair.Key,
            pair =>
            {
                var match = SecretReference().Match(pair.Value);
                Assert.That(match.Success, $"docs/templates.md, job '{id}', secrets.{pair.Key}: expected '${{{{ secrets.NAME }}}}', got '{pair.Value}'.");
                return match.Groups["name"].Value;
            },
            StringComparer.Ordinal);
        return new GitHubDocsExample(id, job.Text("uses")!, with, secrets);
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

    /// <summary>The workflow's inputs: the example's <c>with:</c> with <paramref name="overrides"/> applied on top.</summary>
    public Dictionary<string, object> Inputs(IReadOnlyDictionary<string, object> overrides)
    {
        var inputs = With.ToDictionary(pair => pair.Key, pair => (object)pair.Value, StringComparer.Ordinal);
        foreach (var (name, value) in overrides)
        {
            inputs[name] = value;
        }

        return inputs;
    }

    /// <summary>The workflow's secrets as GitHub passes them: each caller secret's value, empty when the caller has none.</summary>
    public Dictionary<string, string> Secrets(IReadOnlyDictionary<string, string> callerSecrets) =>
        SecretSources.ToDictionary(pair => pair.Key, pair => callerSecrets.GetValueOrDefault(pair.Value, string.Empty), StringComparer.Ordinal);

    private static string WorkflowDefault(string input)
    {
        var workflow = YamlTree.Load(EmittedTemplates.GitHubWorkflows.Single().Content);
        var inputs = (YamlMappingNode)((YamlMappingNode)((YamlMappingNode)workflow.Get("on")!).Get("workflow_call")!).Get("inputs")!;
        var definition = inputs.Get(input) as YamlMappingNode;
        Assert.That(definition?.Text("default"), Is.Not.Null, $"the example gives no '{input}' and the reusable workflow has no default for it.");
        return definition!.Text("default")!;
    }

    private static Dictionary<string, string> Scalars(YamlMappingNode job, string key, string jobId) =>
        job.Get(key) is YamlMappingNode mapping
            ? mapping.Children.ToDictionary(
                pair => ((YamlScalarNode)pair.Key).Value!,
                pair => pair.Value is YamlScalarNode { Value: { } text } ? text : throw new AssertionException($"docs/templates.md, job '{jobId}', {key}.{pair.Key}: expected a scalar."),
                StringComparer.Ordinal)
            : [];

    [GeneratedRegex(@"^\$\{\{\s*secrets\.(?<name>[A-Za-z_][A-Za-z0-9_]*)\s*\}\}$")]
    private static partial Regex SecretReference();
}
