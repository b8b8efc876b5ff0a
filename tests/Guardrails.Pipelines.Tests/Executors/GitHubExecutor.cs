using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using Guardrails.Testing;

namespace Guardrails.Pipelines.Tests.Executors;

/// <summary>What a local run of a workflow did: the executor's exit code and log, and its JSON result.</summary>
internal sealed record WorkflowOutcome(int ExitCode, string Log, JsonObject? Result)
{
    public string Conclusion => (string)Result!["conclusion"]!;

    public string JobResult(string job) => (string)Result!["jobs"]![job]!["result"]!;

    public IReadOnlyList<string> LegResults(string job) =>
        Result!["jobs"]![job]!["legs"]!.AsArray().Select(leg => (string)leg!["result"]!).ToList();

    public string Output(string name) => (string)Result!["outputs"]![name]!;
}

/// <summary>Runs pipeline-templates/executors/run-github.mjs, the local GitHub Actions executor.</summary>
internal static class GitHubExecutor
{
    public static WorkflowOutcome Run(
        string workflow,
        string workspace,
        IReadOnlyDictionary<string, object> inputs,
        IReadOnlyDictionary<string, string> repositories,
        string? cancelDuring = null,
        IReadOnlyDictionary<string, string>? secrets = null,
        string? github = null,
        string? programsFolder = null)
    {
        var node = ExecutorsInstallation.RequireNode();
        var runRoot = ScratchFolders.Create("guardrails-github-run-");
        var resultFile = Path.Combine(runRoot, "result.json");
        List<string> arguments =
        [
            "--import", "./register-json-loader.mjs", "run-github.mjs",
            "--workflow", workflow, "--workspace", workspace, "--run-root", Path.Combine(runRoot, "run"),
            "--inputs", JsonSerializer.Serialize(inputs), "--result", resultFile,
        ];
        foreach (var (name, directory) in repositories)
        {
            arguments.AddRange(["--repository", $"{name}={directory}"]);
        }

        if (secrets is not null)
        {
            arguments.AddRange(["--secrets", JsonSerializer.Serialize(secrets)]);
        }

        if (cancelDuring is not null)
        {
            arguments.AddRange(["--cancel-during", cancelDuring]);
        }

        if (github is not null)
        {
            arguments.AddRange(["--github", github]);
        }

        // Programs the workflow's scripts call (gh) come first on the PATH the steps inherit.
        var environment = programsFolder is null
            ? null
            : new Dictionary<string, string?> { ["PATH"] = programsFolder + Path.PathSeparator + Environment.GetEnvironmentVariable("PATH") };
        var outcome = ProcessRunner.Run(node, arguments, ExecutorsInstallation.Directory, TimeSpan.FromMinutes(5), environment);
        var result = File.Exists(resultFile) ? JsonNode.Parse(File.ReadAllText(resultFile))!.AsObject() : null;
        return new WorkflowOutcome(outcome.ExitCode, outcome.Output, result);
    }
}
