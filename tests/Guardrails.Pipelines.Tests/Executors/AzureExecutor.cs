using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using Guardrails.Testing;

namespace Guardrails.Pipelines.Tests.Executors;

/// <summary>What a local run of an Azure pipeline did: the executor's exit code and log, and its JSON result.</summary>
internal sealed record PipelineOutcome(int ExitCode, string Log, JsonObject? Result)
{
    public string PipelineResult => (string)Result!["result"]!;

    public string JobResult(string job) => (string)Job(job)["result"]!;

    /// <summary>The agent jobs a job ran, as "hook: result" ("preDeploy: succeeded", "routeTraffic_10: succeeded", "on.failure: succeeded").</summary>
    public string Hooks(string job) => string.Join(
        " | ",
        Job(job)["runs"]!.AsArray().Select(run => $"{((string)run!["name"]!)[(job.Length + 1)..]}: {run["result"]}"));

    /// <summary>The gate records the run published as artifacts, in publication order, as "step: decision".</summary>
    public string GateDecisions => string.Join(
        " | ",
        Result!["artifacts"]!.AsArray()
            .Where(artifact => ((string)artifact!["name"]!).StartsWith("guardrails-gate-", StringComparison.Ordinal))
            .Select(artifact => JsonNode.Parse(File.ReadAllText(Path.Combine((string)artifact!["path"]!, "guardrails-gate-record.json")))!)
            .Select(record => $"{record["steps"]![0]!["step"]}: {record["decision"]}"));

    private JsonNode Job(string job) =>
        Result!["stages"]!.AsObject().Select(stage => stage.Value!["jobs"]![job]).Single(found => found is not null)!;
}

/// <summary>Runs pipeline-templates/executors/run-azure.mjs, the local Azure Pipelines executor.</summary>
internal static class AzureExecutor
{
    public static PipelineOutcome Run(string pipeline, string workspace, IReadOnlyDictionary<string, string> repositories, string? cancelDuring = null)
    {
        var node = ExecutorsInstallation.RequireNode();
        var runRoot = ScratchFolders.Create("guardrails-azure-run-");
        var resultFile = Path.Combine(runRoot, "result.json");
        List<string> arguments =
        [
            "run-azure.mjs", "--pipeline", pipeline, "--workspace", workspace, "--run-root", Path.Combine(runRoot, "run"), "--result", resultFile,
        ];
        foreach (var (name, directory) in repositories)
        {
            arguments.AddRange(["--repository", $"{name}={directory}"]);
        }

        if (cancelDuring is not null)
        {
            arguments.AddRange(["--cancel-during", cancelDuring]);
        }

        var outcome = ProcessRunner.Run(node, arguments, ExecutorsInstallation.Directory, TimeSpan.FromMinutes(5));
        var result = File.Exists(resultFile) ? JsonNode.Parse(File.ReadAllText(resultFile))!.AsObject() : null;
        return new PipelineOutcome(outcome.ExitCode, outcome.Output, result);
    }

    /// <summary>
    /// A caller's azure-pipelines.yml as docs/templates.md shows it: the templates repository as a resource at
    /// <paramref name="reference"/> and the canary stage template with <paramref name="parameters"/> (JSON is YAML).
    /// </summary>
    public static string WritePipeline(string workspace, string templatesRepository, string reference, IReadOnlyDictionary<string, object> parameters)
    {
        var file = Path.Combine(workspace, "azure-pipelines.yml");
        File.WriteAllText(file, $"""
            trigger: none
            resources:
              repositories:
                - repository: guardrails
                  type: github
                  name: {templatesRepository}
                  ref: {reference}
                  endpoint: github-guardrails
            stages:
              - template: azure/canary-stage.yml@guardrails
                parameters: {JsonSerializer.Serialize(parameters)}
            """);
        return file;
    }
}
