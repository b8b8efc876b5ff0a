using System;
using System.Collections.Generic;
using System.Linq;
using Guardrails.Pipelines.Model;
using Guardrails.Pipelines.Scripts;
using Guardrails.Pipelines.Yaml;

namespace Guardrails.Pipelines.GitHub;

/// <summary>
/// The composite action that runs <c>guardrails gate</c> once: installs the CLI of the same version as the
/// templates, runs the gate, and uploads its JSON record. It fails unless the gate says promote.
/// </summary>
public static class GitHubGateActionEmitter
{
    public const string Folder = ".github/actions/guardrails-gate";

    public const string Path = Folder + "/action.yml";

    /// <summary>The canary inputs the workflow hands to the action unchanged: every gate option's and the CLI's.</summary>
    public static IReadOnlyList<TemplateInput> ForwardedInputs(CanaryPipeline pipeline) =>
        CanaryInputs.ForGateStep(CanaryInputs.For(pipeline).Where(input => input.AppliesTo(CiSystem.GitHubActions)));

    public static TemplateFile Emit(CanaryPipeline pipeline)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        var all = CanaryInputs.For(pipeline).ToDictionary(input => input.Name);
        List<TemplateInput> inputs =
        [
            .. ForwardedInputs(pipeline),
            GateScript.RecordFileInput("guardrails-gate-record.json"),
            GateScript.StepInput,
            new("artifact-name", TemplateInputType.Text, "Uploads the record as this artifact (empty: no upload).", string.Empty),
        ];

        var declared = new YamlMapping();
        foreach (var input in inputs)
        {
            var entry = new YamlMapping()
                .Add("description", input.Description)
                .Add("required", YamlScalar.Boolean(input.Required));
            if (input.Default is { } value)
            {
                entry.Add("default", YamlScalar.Text(value));
            }

            declared.Add(input.Name, entry);
        }

        var gateInputs = inputs.Where(input => !CanaryInputs.CliInputs.Contains(input.Name) && input.Name != "artifact-name").ToList();
        var steps = new YamlSequence()
            .Add(new YamlMapping()
                .Add("name", "Set up .NET")
                .Add("uses", GitHubSteps.Uses(PinnedAction.SetupDotnet))
                .Add("with", new YamlMapping().Add("dotnet-version", "${{ inputs.dotnet-version }}")))
            .Add(GitHubSteps.Run(
                "Install the Guardrails CLI",
                [.. CanaryInputs.CliInputs.Where(name => name != "dotnet-version").Select(name => (all[name].EnvironmentVariable, GitHubSteps.Input(all[name])))],
                GateScript.InstallCli(CiSystem.GitHubActions, fromSource: true),
                declareShell: true))
            .Add(GitHubSteps.Run(
                "Run the gate",
                [.. gateInputs.Select(input => (input.EnvironmentVariable, GitHubSteps.Input(input)))],
                GateScript.Run(CiSystem.GitHubActions, gateInputs),
                id: "gate",
                declareShell: true))
            .Add(new YamlMapping()
                .Add("name", "Upload the gate record")
                .Add("if", "always() && inputs.artifact-name != ''")
                .Add("uses", GitHubSteps.Uses(PinnedAction.UploadArtifact))
                .Add("with", new YamlMapping()
                    .Add("name", "${{ inputs.artifact-name }}")
                    .Add("path", "${{ inputs.record-file }}")
                    .Add("if-no-files-found", "warn")
                    .Add("overwrite", YamlScalar.Boolean(true))));

        var root = new YamlMapping()
            .Add("name", "Guardrails gate")
            .Add("description", "Decides promote or roll back for a canary from its SLO burn rate in Prometheus (guardrails gate).")
            .Add("author", "Guardrails")
            .Add("inputs", declared)
            .Add("outputs", new YamlMapping()
                .Add("decision", new YamlMapping()
                    .Add("description", "promote, rollback, inconclusive, configuration-error or error.")
                    .Add("value", "${{ steps.gate.outputs.decision }}"))
                .Add("exit-code", new YamlMapping()
                    .Add("description", "Exit code of guardrails gate: 0 promote, 1 roll back, 2 configuration error, 3 inconclusive.")
                    .Add("value", "${{ steps.gate.outputs.exit-code }}")))
            .Add("runs", new YamlMapping().Add("using", "composite").Add("steps", steps));

        var header = GeneratedFileHeader.Lines(
            pipeline.Version,
            "Composite action: runs the Guardrails burn-rate gate once. A bearer token for Prometheus comes from GUARDRAILS_PROMETHEUS_TOKEN in the step's env.");
        return new TemplateFile(Path, YamlDocumentWriter.Write(header, root));
    }
}
