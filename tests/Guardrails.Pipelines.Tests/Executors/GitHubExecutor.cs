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

    /// <summary>The result of the caller's job that called the workflow (a run with --caller).</summary>
    public string CallerJobResult => (string)Result!["caller"]!["result"]!;
}

/// <summary>Runs pipeline-templates/executors/run-github.mjs, the local GitHub Actions executor.</summary>
internal static class GitHubExecutor
{
    /// <summary>Runs a reusable workflow with <paramref name="inputs"/> and <paramref name="secrets"/>.</summary>
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
        // Programs the workflow's scripts call (gh) come first on the PATH the steps inherit.
        var environment = programsFolder is null
            ? null
            : new Dictionary<string, string?> { ["PATH"] = programsFolder + Path.PathSeparator + Environment.GetEnvironmentVariable("PATH") };
        return Execute(["--workflow", workflow, "--inputs", JsonSerializer.Serialize(inputs)], workspace, repositories, cancelDuring, secrets, environment, github);
    }

    /// <summary>
    /// Runs the job <paramref name="job"/> of a caller's workflow, which calls a reusable workflow kept in one of
    /// <paramref name="repositories"/>: its with: (with <paramref name="withOverrides"/> applied) and secrets:
    /// are evaluated against the caller's <paramref name="secrets"/>. The executor's jobs inherit the test's
    /// environment with <paramref name="environment"/> applied (a stand-in tool first on PATH, for instance).
    /// </summary>
    public static WorkflowOutcome RunCallerJob(
        string callerWorkflow,
        string job,
        IReadOnlyDictionary<string, object> withOverrides,
        string workspace,
        IReadOnlyDictionary<string, string> repositories,
        IReadOnlyDictionary<string, string> secrets,
        IReadOnlyDictionary<string, string?> environment) =>
        Execute(
            ["--caller", callerWorkflow, "--caller-job", job, "--with-overrides", JsonSerializer.Serialize(withOverrides)],
            workspace,
            repositories,
            cancelDuring: null,
            secrets,
            environment,
            github: null);

    /// <summary>
    /// The inputs the job <paramref name="job"/> of a caller's workflow gives the reusable workflow it calls: its
    /// with: evaluated as GitHub does (the github context the runs have), without running anything.
    /// </summary>
    public static JsonObject EvaluateCallerJob(string callerWorkflow, string job, string workspace)
    {
        var outcome = Execute(["--caller", callerWorkflow, "--caller-job", job, "--evaluate-only"], workspace, new Dictionary<string, string>(), cancelDuring: null, secrets: null, environment: null, github: null);
        Assert.That(outcome.ExitCode, Is.Zero, outcome.Log);
        return outcome.Result!["caller"]!["inputs"]!.AsObject();
    }

    private static WorkflowOutcome Execute(
        IEnumerable<string> what,
        string workspace,
        IReadOnlyDictionary<string, string> repositories,
        string? cancelDuring,
        IReadOnlyDictionary<string, string>? secrets,
        IReadOnlyDictionary<string, string?>? environment,
        string? github)
    {
        var node = ExecutorsInstallation.RequireNode();
        var runRoot = ScratchFolders.Create("guardrails-github-run-");
        var resultFile = Path.Combine(runRoot, "result.json");
        List<string> arguments =
        [
            "--import", "./register-json-loader.mjs", "run-github.mjs", .. what,
            "--workspace", workspace, "--run-root", Path.Combine(runRoot, "run"), "--result", resultFile,
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

        var outcome = ProcessRunner.Run(node, arguments, ExecutorsInstallation.Directory, TimeSpan.FromMinutes(5), environment);
        var result = File.Exists(resultFile) ? JsonNode.Parse(File.ReadAllText(resultFile))!.AsObject() : null;
        return new WorkflowOutcome(outcome.ExitCode, outcome.Output, result);
    }
}
