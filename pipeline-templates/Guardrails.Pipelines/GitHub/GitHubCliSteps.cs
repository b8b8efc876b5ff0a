using System.Collections.Generic;
using Guardrails.Pipelines.Model;
using Guardrails.Pipelines.Scripts;
using Guardrails.Pipelines.Yaml;

namespace Guardrails.Pipelines.GitHub;

/// <summary>The delivery workflows' steps that set up .NET and install the Guardrails CLI from the chosen version and source.</summary>
internal static class GitHubCliSteps
{
    public static IEnumerable<YamlMapping> Install(IReadOnlyDictionary<string, TemplateInput> inputs) =>
    [
        new YamlMapping()
            .Add("name", "Set up .NET")
            .Add("uses", GitHubSteps.Uses(PinnedAction.SetupDotnet))
            .Add("with", new YamlMapping().Add("dotnet-version", GitHubSteps.Input(inputs["dotnet-version"]))),
        GitHubSteps.Run(
            "Install the Guardrails CLI",
            GitHubWorkflowInputs.Environment([inputs["guardrails-version"], inputs["guardrails-source"]]),
            GateScript.InstallCli(CiSystem.GitHubActions, fromSource: true)),
    ];
}
