using System;
using System.Linq;
using Guardrails.Pipelines.Model;
using Guardrails.Pipelines.Scripts;
using Guardrails.Pipelines.Yaml;

namespace Guardrails.Pipelines.GitHub;

/// <summary>
/// The reusable DORA report workflow (<c>on: workflow_call</c>): checks out the whole history with its tags,
/// runs <c>guardrails dora</c>, writes the Markdown to the job summary and uploads the HTML charts as an
/// artifact. The weekly schedule lives in the caller, because GitHub runs a schedule only in the repository
/// that holds it: docs/templates.md has the caller with <c>schedule</c> and <c>workflow_dispatch</c>.
/// </summary>
public static class GitHubDoraWorkflowEmitter
{
    public const string Path = ".github/workflows/guardrails-dora-report.yml";

    private static readonly string[] ReportInputs = ["deployments-from-tags", "deployment-records", "incidents", "since", "baseline-until"];

    public static TemplateFile Emit(CanaryPipeline pipeline)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        var inputs = DeliveryInputs.DoraReport(pipeline).Where(input => input.AppliesTo(CiSystem.GitHubActions)).ToList();
        var byName = inputs.ToDictionary(input => input.Name);
        var folder = DoraReportScript.ReportFolder(CiSystem.GitHubActions).Replace("$RUNNER_TEMP", "${{ runner.temp }}", StringComparison.Ordinal);

        var steps = new YamlSequence()
            .Add(GitHubSteps.Checkout(
                "Check out the repository with its history and tags",
                new YamlMapping().Add("fetch-depth", YamlScalar.Number(0), "Lead time walks the commits between deployments; tags can be deployments.")))
            .AddRange(GitHubCliSteps.Install(byName))
            .Add(GitHubSteps.Run("Compute the DORA report", GitHubWorkflowInputs.Environment(ReportInputs.Select(name => byName[name])), DoraReportScript.Render(CiSystem.GitHubActions)))
            .Add(new YamlMapping()
                .Add("name", "Upload the HTML report")
                .Add("uses", GitHubSteps.Uses(PinnedAction.UploadArtifact))
                .Add("with", new YamlMapping()
                    .Add("name", GitHubSteps.Input(byName["report-name"]))
                    .Add("path", folder + "/" + DoraReportScript.HtmlFile)
                    .Add("if-no-files-found", "error")));
        var job = new YamlMapping()
            .Add("name", "DORA report")
            .Add("runs-on", GitHubSteps.Input(byName["runs-on"]))
            .Add("timeout-minutes", YamlScalar.Number(20))
            .Add("permissions", new YamlMapping().Add("contents", "read"), "contents: read to check out the history; the report is written to this run only.")
            .Add("steps", steps);

        var root = new YamlMapping()
            .Add("name", "Guardrails DORA report")
            .Add("on", new YamlMapping().Add("workflow_call", new YamlMapping().Add("inputs", GitHubWorkflowInputs.Declare(inputs))))
            .Add("permissions", new YamlMapping().Add("contents", "read"), "Least privilege: the report only reads the repository.")
            .Add("jobs", new YamlMapping().Add("report", job));
        var header = GeneratedFileHeader.Lines(
            pipeline.Version,
            $"Weekly DORA report: call it from a scheduled workflow with uses: {pipeline.TemplatesRepository}/{Path}@<commit SHA of {pipeline.Tag}>.");
        return new TemplateFile(Path, YamlDocumentWriter.Write(header, root));
    }
}
