using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using Guardrails.Gate.PromQl;
using YamlDotNet.RepresentationModel;

namespace Guardrails.Pipelines.Tests.Executors;

/// <summary>
/// The GitHub Actions example of docs/templates.md, read at test time: its text, and the job that calls the
/// reusable workflow guardrails-canary.yml with its <c>uses:</c> and its <c>with:</c> values as the executor
/// evaluates them (which the scenario builds its fixtures and expectations from: the SLO file, the series'
/// labels, the manifests, the kubectl calls).
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

    /// <summary>The job's <c>with:</c>, each value evaluated (numbers and booleans as text).</summary>
    public IReadOnlyDictionary<string, string> With { get; }

    public static GitHubDocsExample Read()
    {
        var text = TemplatesGuide.Example("github-actions");
        var jobs = (YamlMappingNode)YamlTree.Load(text).Get("jobs")!;
        var (id, job) = jobs.Children
            .Select(pair => (Id: ((YamlScalarNode)pair.Key).Value!, Job: (YamlMappingNode)pair.Value))
            .Single(pair => pair.Job.Text("uses")?.StartsWith(ReusableWorkflow + "@", StringComparison.Ordinal) == true);
        var repository = ScratchFolders.Create("guardrails-docs-example-");
        var workflow = Path.Combine(repository, ".github", "workflows", "release.yml");
        Directory.CreateDirectory(Path.GetDirectoryName(workflow)!);
        File.WriteAllText(workflow, text);
        var with = GitHubExecutor.EvaluateCallerJob(workflow, id, repository).ToDictionary(
            pair => pair.Key,
            pair => pair.Value is JsonValue value && value.TryGetValue<string>(out var scalar) ? scalar : pair.Value!.ToJsonString(),
            StringComparer.Ordinal);
        return new GitHubDocsExample(text, id, job.Text("uses")!, with);
    }

    /// <summary>The example's value of <paramref name="input"/>, or the reusable workflow's default when it gives none.</summary>
    public string Value(string input) =>
        TryValue(input) ?? throw new AssertionException($"the example gives no '{input}' and the reusable workflow has no default for it.");

    /// <summary>The example's value of <paramref name="input"/>, the reusable workflow's default, or null when the workflow has neither.</summary>
    public string? TryValue(string input) =>
        With.TryGetValue(input, out var value) ? value : WorkflowDefault(input);

    /// <summary>The traffic steps the example releases through, in order.</summary>
    public IReadOnlyList<int> TrafficSteps => [.. Value("traffic-steps").Split(',').Select(step => int.Parse(step.Trim(), System.Globalization.CultureInfo.InvariantCulture))];

    /// <summary>
    /// The service the example releases: its name, SLO file and SLO, and the labels its canary's series need
    /// for the gate to select them: the selector's (only <c>name="value"</c> matchers can label a series) and,
    /// when the workflow has them, the version label with the released service version.
    /// </summary>
    public CanaryService Service
    {
        get
        {
            var selector = LabelSelector.Parse(Value("selector"));
            Assert.That(selector.Matchers.Select(matcher => matcher.Operator), Is.All.EqualTo("="), $"the example's selector '{selector}' must use only = matchers for the test's metrics to carry its labels.");
            List<KeyValuePair<string, string>> labels = [.. selector.Matchers.Select(matcher => new KeyValuePair<string, string>(matcher.Name, matcher.QuotedValue[1..^1]))];
            if (TryValue("service-version") is { Length: > 0 } version && TryValue("version-label") is { Length: > 0 } label)
            {
                labels.Add(new(label, version));
            }

            return new CanaryService(Value("service"), Value("slo-file"), Value("slo-name"), labels);
        }
    }

    private static string? WorkflowDefault(string input)
    {
        var workflow = YamlTree.Load(EmittedTemplates.GitHubWorkflows.Single(file => file.RelativePath == GitHub.GitHubWorkflowEmitter.Path).Content);
        var inputs = (YamlMappingNode)((YamlMappingNode)((YamlMappingNode)workflow.Get("on")!).Get("workflow_call")!).Get("inputs")!;
        return (inputs.Get(input) as YamlMappingNode)?.Text("default");
    }
}
