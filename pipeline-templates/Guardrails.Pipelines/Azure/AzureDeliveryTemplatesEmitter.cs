using System;
using System.Collections.Generic;
using System.Linq;
using Guardrails.Pipelines.Model;
using Guardrails.Pipelines.Scripts;
using Guardrails.Pipelines.Yaml;

namespace Guardrails.Pipelines.Azure;

/// <summary>
/// The Azure Pipelines step templates of the delivery flow: the pull request checks for a branch policy's
/// build validation (size from System.PullRequest.TargetBranch to System.PullRequest.SourceCommitId, then
/// work in progress) and the DORA report, whose weekly schedule lives in the calling pipeline (Azure
/// Pipelines reads schedules only from the pipeline file; docs/templates.md has it).
/// </summary>
public static class AzureDeliveryTemplatesEmitter
{
    public const string PullRequestChecksPath = "azure/steps/pull-request-checks.yml";
    public const string DoraReportPath = "azure/steps/dora-report.yml";

    private static readonly string[] SizeInputs = ["max-lines", "max-files", "sizes", "override-label"];

    private static readonly string[] WipInputs = ["max-per-author", "max-per-team", "teams", "max-age", "include-drafts"];

    private static readonly string[] ReportInputs = ["deployments-from-tags", "deployment-records", "incidents", "since", "baseline-until"];

    public static IReadOnlyList<TemplateFile> Emit(CanaryPipeline pipeline)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        return
        [
            File(
                pipeline,
                PullRequestChecksPath,
                $"Step template: pull request size and work-in-progress checks for a branch policy's build validation. Use it from a repository resource with ref: refs/tags/{pipeline.Tag} as - template: {PullRequestChecksPath}@<alias>.",
                PullRequestChecks(pipeline)),
            File(
                pipeline,
                DoraReportPath,
                $"Step template: the DORA report as the run's summary and the HTML charts as an artifact. Use it from a scheduled pipeline with - template: {DoraReportPath}@<alias>.",
                DoraReport(pipeline)),
        ];
    }

    private static TemplateFile File(CanaryPipeline pipeline, string path, string purpose, YamlMapping root) =>
        new(path, YamlDocumentWriter.Write(GeneratedFileHeader.Lines(pipeline.Version, purpose), root));

    private static YamlMapping PullRequestChecks(CanaryPipeline pipeline)
    {
        var inputs = DeliveryInputs.PullRequestChecks(pipeline).Where(input => input.AppliesTo(CiSystem.AzurePipelines)).ToList();
        var byName = inputs.ToDictionary(input => input.Name);
        List<(string Variable, string Value)> size =
        [
            ("GUARDRAILS_BASE", "$(System.PullRequest.TargetBranch)"),
            ("GUARDRAILS_HEAD", "$(System.PullRequest.SourceCommitId)"),
            ("SYSTEM_ACCESSTOKEN", "$(System.AccessToken)"),
            .. Environment(SizeInputs.Select(name => byName[name])),
        ];
        List<(string Variable, string Value)> wip =
        [
            ("AZURE_DEVOPS_EXT_PAT", "$(System.AccessToken)"),
            .. Environment(WipInputs.Select(name => byName[name])),
        ];
        var checkout = AzureSteps.CheckoutSelf()
            .Add("fetchDepth", YamlScalar.Number(0), "The whole history: pr-size diffs from the merge base of the target branch and the source commit.");
        var steps = new YamlSequence()
            .Add(checkout)
            .AddRange(InstallCli(byName))
            .Add(AzureSteps.Bash("Measure the pull request", size, PullRequestSizeScript.Render(CiSystem.AzurePipelines), name: "size"))
            .Add(AzureSteps.Bash("Check the work-in-progress limits", wip, WipScript.Render(CiSystem.AzurePipelines))
                .Add("condition", "succeededOrFailed()", "Runs after an oversized pull request too: the two checks are independent."));
        return new YamlMapping()
            .Add("parameters", new YamlSequence().AddRange(inputs.Select(AzureSteps.Declaration)))
            .Add("steps", steps);
    }

    private static YamlMapping DoraReport(CanaryPipeline pipeline)
    {
        var inputs = DeliveryInputs.DoraReport(pipeline).Where(input => input.AppliesTo(CiSystem.AzurePipelines)).ToList();
        var byName = inputs.ToDictionary(input => input.Name);
        var folder = DoraReportScript.ReportFolder(CiSystem.AzurePipelines).Replace("$AGENT_TEMPDIRECTORY", "$(Agent.TempDirectory)", StringComparison.Ordinal);
        var checkout = AzureSteps.CheckoutSelf()
            .Add("fetchDepth", YamlScalar.Number(0), "Lead time walks the commits between deployments; tags can be deployments.")
            .Add("fetchTags", YamlScalar.Boolean(true));
        var steps = new YamlSequence()
            .Add(checkout)
            .AddRange(InstallCli(byName))
            .Add(AzureSteps.Bash("Compute the DORA report", Environment(ReportInputs.Select(name => byName[name])), DoraReportScript.Render(CiSystem.AzurePipelines)))
            .Add(new YamlMapping()
                .Add("task", "PublishPipelineArtifact@1")
                .Add("displayName", "Publish the HTML report")
                .Add("inputs", new YamlMapping()
                    .Add("targetPath", folder + "/" + DoraReportScript.HtmlFile)
                    .Add("artifact", AzureSteps.Parameter(byName["report-name"]))));
        return new YamlMapping()
            .Add("parameters", new YamlSequence().AddRange(inputs.Select(AzureSteps.Declaration)))
            .Add("steps", steps);
    }

    private static IEnumerable<YamlMapping> InstallCli(Dictionary<string, TemplateInput> byName) =>
    [
        new YamlMapping()
            .Add("task", "UseDotNet@2")
            .Add("displayName", "Set up .NET")
            .Add("inputs", new YamlMapping().Add("packageType", "sdk").Add("version", AzureSteps.Parameter(byName["dotnet-version"]))),
        AzureSteps.Bash(
            "Install the Guardrails CLI",
            Environment([byName["guardrails-version"], byName["guardrails-source"]]),
            GateScript.InstallCli(CiSystem.AzurePipelines, fromSource: true)),
    ];

    private static List<(string Variable, string Value)> Environment(IEnumerable<TemplateInput> inputs) =>
        [.. inputs.Select(input => (input.EnvironmentVariable, AzureSteps.Parameter(input)))];
}
