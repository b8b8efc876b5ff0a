using System;
using System.Collections.Generic;
using System.Linq;
using Guardrails.Pipelines.Model;
using Guardrails.Pipelines.Scripts;
using Guardrails.Pipelines.Yaml;

namespace Guardrails.Pipelines.GitHub;

/// <summary>
/// The reusable pull request workflow (<c>on: workflow_call</c>, called from a <c>pull_request</c> event):
/// size measures the pull request with <c>guardrails pr-size</c> and fails over the limit; label puts the size
/// label on it, the one job with a write scope, which checks out no code and runs nothing from the pull
/// request; wip runs <c>guardrails wip</c> over the open pull requests.
/// </summary>
public static class GitHubPullRequestWorkflowEmitter
{
    public const string Path = ".github/workflows/guardrails-pull-request.yml";

    public const string SizeJob = "size";

    public const string LabelJob = "label";

    public const string WipJob = "wip";

    private static readonly string[] SizeInputs = ["max-lines", "max-files", "sizes", "override-label"];

    private static readonly string[] WipInputs = ["max-per-author", "max-per-team", "teams", "max-age", "include-drafts"];

    public static TemplateFile Emit(CanaryPipeline pipeline)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        var inputs = DeliveryInputs.PullRequestChecks(pipeline).Where(input => input.AppliesTo(CiSystem.GitHubActions)).ToList();
        var byName = inputs.ToDictionary(input => input.Name);

        var call = new YamlMapping()
            .Add("inputs", GitHubWorkflowInputs.Declare(inputs))
            .Add("outputs", new YamlMapping()
                .Add("size", new YamlMapping()
                    .Add("description", "Size of the pull request: XS, S, M, L or XL.")
                    .Add("value", "${{ jobs." + SizeJob + ".outputs.size }}")));
        var root = new YamlMapping()
            .Add("name", "Guardrails pull request checks")
            .Add("on", new YamlMapping().Add("workflow_call", call))
            .Add("permissions", new YamlMapping().Add("contents", "read"), "Least privilege: jobs read at most, except the label job below, which may only edit pull requests.")
            .Add("jobs", new YamlMapping()
                .Add(SizeJob, Size(byName))
                .Add(LabelJob, Label(byName))
                .Add(WipJob, Wip(byName)));

        var header = GeneratedFileHeader.Lines(
            pipeline.Version,
            $"Pull request size and work-in-progress checks: call it from a pull_request workflow with uses: {pipeline.TemplatesRepository}/{Path}@<commit SHA of {pipeline.Tag}>.");
        return new TemplateFile(Path, YamlDocumentWriter.Write(header, root));
    }

    private static YamlMapping Size(Dictionary<string, TemplateInput> inputs)
    {
        List<(string Variable, string Value)> environment =
        [
            ("GUARDRAILS_BASE", "${{ github.event.pull_request.base.sha }}"),
            ("GUARDRAILS_HEAD", "${{ github.event.pull_request.head.sha }}"),
            ("GUARDRAILS_OVERRIDE", "${{ contains(github.event.pull_request.labels.*.name, inputs.override-label) }}"),
            .. GitHubWorkflowInputs.Environment(SizeInputs.Select(name => inputs[name])),
        ];
        var steps = new YamlSequence()
            .Add(GitHubSteps.Checkout(
                "Check out the pull request with its history",
                new YamlMapping()
                    .Add("ref", "${{ github.event.pull_request.head.sha }}")
                    .Add("fetch-depth", YamlScalar.Number(0), "The whole history: pr-size diffs from the merge base of the base and head commits.")))
            .AddRange(GitHubCliSteps.Install(inputs))
            .Add(GitHubSteps.Run("Measure the pull request", environment, PullRequestSizeScript.Render(CiSystem.GitHubActions), id: "size"));
        return Job("Pull request size", inputs, 15)
            .Add("permissions", new YamlMapping().Add("contents", "read"), "contents: read to check out the pull request; the job that writes never sees its code.")
            .Add("outputs", new YamlMapping().Add("size", "${{ steps.size.outputs.size }}"))
            .Add("steps", steps);
    }

    private static YamlMapping Label(Dictionary<string, TemplateInput> inputs)
    {
        List<(string Variable, string Value)> environment =
        [
            ("GH_TOKEN", "${{ github.token }}"),
            ("GUARDRAILS_PULL_REQUEST", "${{ github.event.pull_request.number }}"),
            ("GUARDRAILS_SIZE", "${{ needs." + SizeJob + ".outputs.size }}"),
            ("GUARDRAILS_LABELS", "${{ toJSON(github.event.pull_request.labels.*.name) }}"),
            (inputs["label-prefix"].EnvironmentVariable, GitHubSteps.Input(inputs["label-prefix"])),
        ];
        return new YamlMapping()
            .Add("name", "Size label")
            .Add("needs", new YamlSequence(flow: true).Add(YamlScalar.Text(SizeJob)))
            .Add(
                "if",
                "${{ always() && needs." + SizeJob + ".outputs.size != '' && github.event.pull_request.head.repo.full_name == github.repository }}",
                "Labels an oversized pull request too. A pull request from a fork gets a read-only token: no label, the size check still runs.")
            .Add("runs-on", GitHubSteps.Input(inputs["runs-on"]))
            .Add("timeout-minutes", YamlScalar.Number(5))
            .Add(
                "permissions",
                new YamlMapping().Add("pull-requests", "write"),
                "pull-requests: write, the templates' one write scope (reviewed, docs/templates.md): to label the pull request.",
                "This job checks out nothing and runs only gh with values from the size job, never code from the pull request.")
            .Add("steps", new YamlSequence().Add(GitHubSteps.Run("Label the pull request with its size", environment, SizeLabelScript.Render())));
    }

    private static YamlMapping Wip(Dictionary<string, TemplateInput> inputs)
    {
        List<(string Variable, string Value)> environment =
        [
            ("GH_TOKEN", "${{ github.token }}"),
            .. GitHubWorkflowInputs.Environment(WipInputs.Select(name => inputs[name])),
        ];
        var steps = new YamlSequence()
            .AddRange(GitHubCliSteps.Install(inputs))
            .Add(GitHubSteps.Run("Check the work-in-progress limits", environment, WipScript.Render(CiSystem.GitHubActions)));
        return Job("Work in progress", inputs, 10)
            .Add("permissions", new YamlMapping().Add("pull-requests", "read"), "pull-requests: read to list the open pull requests (gh pr list).")
            .Add("steps", steps);
    }

    private static YamlMapping Job(string name, Dictionary<string, TemplateInput> inputs, int timeoutMinutes) => new YamlMapping()
        .Add("name", name)
        .Add("runs-on", GitHubSteps.Input(inputs["runs-on"]))
        .Add("timeout-minutes", YamlScalar.Number(timeoutMinutes));
}
