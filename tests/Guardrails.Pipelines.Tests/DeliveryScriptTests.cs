using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Guardrails.Pipelines.Azure;
using Guardrails.Pipelines.GitHub;
using Guardrails.Testing;
using YamlDotNet.RepresentationModel;

namespace Guardrails.Pipelines.Tests;

/// <summary>
/// The delivery templates' run blocks, taken from the emitted files and run with bash in a real git repository
/// against the real guardrails CLI (gh, az and curl are stand-ins that log their calls and answer as GitHub and
/// Azure DevOps do), with the environment the templates give them.
/// </summary>
public sealed class DeliveryScriptTests
{
    private static readonly string[] LabelCalls =
    [
        "gh label create size/XL --repo octo/shop --force --color ededed --description Pull request size (guardrails pr-size)",
        "gh pr edit 42 --repo octo/shop --add-label size/XL --remove-label size/S",
    ];

    private static readonly string Cli = Path.Combine(AppContext.BaseDirectory, "guardrails.dll");

    [Test]
    public void An_oversized_pull_request_fails_the_github_size_check_and_reports_its_size()
    {
        using var repository = PullRequestRepository(out var baseSha, out var headSha);
        var sandbox = Sandbox();

        var outcome = sandbox.Run(GitHubStep(GitHubPullRequestWorkflowEmitter.Path, "Measure the pull request"), SizeEnvironment(sandbox, baseSha, headSha, overridden: false), repository.Path);

        Assert.Multiple(() =>
        {
            Assert.That(outcome.ExitCode, Is.EqualTo(1), outcome.Output);
            Assert.That(File.ReadAllText(sandbox.OutputFile), Is.EqualTo("size=XL\n"));
            Assert.That(outcome.Output, Does.Contain("::error title=Pull request size::XL, 600 changed lines, is over the limit").And.Contain("size/override"));
            Assert.That(File.ReadAllText(Path.Combine(sandbox.Folder, "summary.md")), Does.StartWith("### Pull request size: XL (600 changed lines)").And.Contain("big.txt"));
        });
    }

    [Test]
    public void The_override_label_lets_an_oversized_pull_request_pass_and_a_small_one_passes_as_it_is()
    {
        using var repository = PullRequestRepository(out var baseSha, out var headSha);
        var overridden = Sandbox();
        var small = Sandbox();
        var smallEnvironment = SizeEnvironment(small, baseSha, headSha, overridden: false);
        smallEnvironment["GUARDRAILS_MAX_LINES"] = "1000";

        var withLabel = overridden.Run(GitHubStep(GitHubPullRequestWorkflowEmitter.Path, "Measure the pull request"), SizeEnvironment(overridden, baseSha, headSha, overridden: true), repository.Path);
        var underLimit = small.Run(GitHubStep(GitHubPullRequestWorkflowEmitter.Path, "Measure the pull request"), smallEnvironment, repository.Path);

        Assert.Multiple(() =>
        {
            Assert.That(withLabel.ExitCode, Is.Zero, withLabel.Output);
            Assert.That(withLabel.Output, Does.Contain("overridden"));
            Assert.That(File.ReadAllText(overridden.OutputFile), Is.EqualTo("size=XL\n"));
            Assert.That(underLimit.ExitCode, Is.Zero, underLimit.Output);
            Assert.That(underLimit.Output, Does.Not.Contain("::error"));
        });
    }

    [Test]
    public void The_github_size_check_outside_a_pull_request_says_so()
    {
        using var repository = PullRequestRepository(out _, out _);
        var sandbox = Sandbox();

        var outcome = sandbox.Run(GitHubStep(GitHubPullRequestWorkflowEmitter.Path, "Measure the pull request"), SizeEnvironment(sandbox, string.Empty, string.Empty, overridden: false), repository.Path);

        Assert.That(outcome.ExitCode, Is.EqualTo(2));
        Assert.That(outcome.Output, Does.Contain("call this workflow from a pull_request event"));
    }

    [Test]
    public void The_azure_size_check_diffs_the_target_branch_and_reads_the_override_label_from_the_pull_request()
    {
        using var repository = PullRequestRepository(out var baseSha, out var headSha);
        repository.Git(null, "update-ref", "refs/remotes/origin/main", baseSha);
        var sandbox = Sandbox().Program("curl", "printf '%s' '{\"count\":1,\"value\":[{\"id\":\"a\",\"name\":\"size/override\",\"active\":true}]}'");
        var environment = AzureSizeEnvironment(sandbox, headSha);

        var outcome = sandbox.Run(AzureStep(AzureDeliveryTemplatesEmitter.PullRequestChecksPath, "Measure the pull request"), environment, repository.Path);

        Assert.Multiple(() =>
        {
            Assert.That(outcome.ExitCode, Is.Zero, outcome.Output);
            Assert.That(outcome.Output, Does.Contain("##vso[task.setvariable variable=size;isOutput=true]XL"));
            Assert.That(outcome.Output, Does.Contain("##vso[task.uploadsummary]" + Path.Combine(sandbox.Folder, "pull-request-size.md")));
            Assert.That(sandbox.Calls, Does.Contain("https://dev.azure.com/contoso/project-id/_apis/git/repositories/repo-id/pullRequests/17/labels?api-version=7.1"));
        });

        var unlabelled = Sandbox().Program("curl", "printf '%s' '{\"count\":0,\"value\":[]}'");
        var failed = unlabelled.Run(AzureStep(AzureDeliveryTemplatesEmitter.PullRequestChecksPath, "Measure the pull request"), AzureSizeEnvironment(unlabelled, headSha), repository.Path);
        Assert.That(failed.ExitCode, Is.EqualTo(1), failed.Output);
        Assert.That(failed.Output, Does.Contain("##vso[task.logissue type=error]Pull request size: XL, 600 changed lines, is over the limit"));
    }

    [Test]
    public void The_label_job_adds_the_size_label_and_removes_the_other_size_labels_only()
    {
        var sandbox = Sandbox().Program("gh", "exit 0");
        var environment = new Dictionary<string, string>
        {
            ["GITHUB_REPOSITORY"] = "octo/shop",
            ["GUARDRAILS_PULL_REQUEST"] = "42",
            ["GUARDRAILS_SIZE"] = "XL",
            ["GUARDRAILS_LABELS"] = "[\"size/S\",\"size/override\",\"bug\"]",
            ["GUARDRAILS_LABEL_PREFIX"] = "size/",
        };

        var outcome = sandbox.Run(GitHubStep(GitHubPullRequestWorkflowEmitter.Path, "Label the pull request with its size"), environment);

        Assert.That(outcome.ExitCode, Is.Zero, outcome.Output);
        Assert.That(sandbox.Calls.Split('\n', StringSplitOptions.RemoveEmptyEntries), Is.EqualTo(LabelCalls));
    }

    [Test]
    public void The_wip_check_reads_gh_pr_list_and_fails_an_author_over_the_limit()
    {
        var now = DateTimeOffset.UtcNow;
        string Created(int daysAgo) => now.AddDays(-daysAgo).ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture);
        var list = $$"""
            [{"author":{"login":"ana"},"createdAt":"{{Created(1)}}","isDraft":false,"labels":[],"number":3},
             {"author":{"login":"ana"},"createdAt":"{{Created(2)}}","isDraft":false,"labels":[],"number":4},
             {"author":{"login":"ana"},"createdAt":"{{Created(9)}}","isDraft":false,"labels":[],"number":5},
             {"author":{"login":"bo"},"createdAt":"{{Created(1)}}","isDraft":true,"labels":[],"number":6}]
            """;
        var sandbox = Sandbox();
        File.WriteAllText(Path.Combine(sandbox.Folder, "pr-list.json"), list);
        sandbox.Program("gh", $"cat '{Path.Combine(sandbox.Folder, "pr-list.json")}'");
        var environment = new Dictionary<string, string>
        {
            ["GITHUB_REPOSITORY"] = "octo/shop",
            ["RUNNER_TEMP"] = sandbox.Folder,
            ["GITHUB_STEP_SUMMARY"] = Path.Combine(sandbox.Folder, "summary.md"),
            ["GUARDRAILS_MAX_PER_AUTHOR"] = "2",
            ["GUARDRAILS_MAX_PER_TEAM"] = "0",
            ["GUARDRAILS_TEAMS"] = "shop=ana,bo\n",
            ["GUARDRAILS_MAX_AGE"] = "3d",
            ["GUARDRAILS_INCLUDE_DRAFTS"] = "false",
        };

        var outcome = sandbox.Run(GitHubStep(GitHubPullRequestWorkflowEmitter.Path, "Check the work-in-progress limits"), environment);

        Assert.Multiple(() =>
        {
            Assert.That(outcome.ExitCode, Is.EqualTo(1), outcome.Output);
            Assert.That(sandbox.Calls, Does.Contain("gh pr list --repo octo/shop --state open --limit 1000 --json number,author,isDraft,createdAt,labels"));
            Assert.That(outcome.Output, Does.Contain("| ana | 3 (over) | 2 | #3, #4, #5 |").And.Contain("| team shop | 3 |"));
            Assert.That(outcome.Output, Does.Contain("#5 by ana, open 9 days"));
            Assert.That(File.ReadAllText(Path.Combine(sandbox.Folder, "summary.md")), Does.StartWith("### Work in progress"));
        });
    }

    [Test]
    public void The_dora_report_writes_the_markdown_summary_and_leaves_the_html_for_the_artifact()
    {
        using var repository = GitHistory.Create();
        repository.Commit("2026-03-02T09:00:00Z");
        repository.AnnotatedTag("v1.0.0", "2026-03-03T09:00:00Z");
        repository.Commit("2026-03-09T09:00:00Z");
        repository.AnnotatedTag("v1.1.0", "2026-03-10T21:00:00Z");
        var sandbox = Sandbox();
        var summary = Path.Combine(sandbox.Folder, "summary.md");
        var environment = new Dictionary<string, string>
        {
            ["RUNNER_TEMP"] = sandbox.Folder,
            ["GITHUB_STEP_SUMMARY"] = summary,
            ["GUARDRAILS_DEPLOYMENTS_FROM_TAGS"] = "v*",
            ["GUARDRAILS_DEPLOYMENT_RECORDS"] = string.Empty,
            ["GUARDRAILS_INCIDENTS"] = string.Empty,
            ["GUARDRAILS_SINCE"] = "2026-03-02",
            ["GUARDRAILS_BASELINE_UNTIL"] = "2026-03-09",
        };

        var outcome = sandbox.Run(GitHubStep(GitHubDoraWorkflowEmitter.Path, "Compute the DORA report"), environment, repository.Path);

        Assert.That(outcome.ExitCode, Is.Zero, outcome.Output);
        Assert.That(File.ReadAllText(summary), Does.Contain("2026-03-09"));
        Assert.That(File.ReadAllText(Path.Combine(sandbox.Folder, "guardrails-dora", "dora-report.html")), Does.Contain("<html").IgnoreCase);

        var noSource = Sandbox();
        environment["GUARDRAILS_DEPLOYMENTS_FROM_TAGS"] = string.Empty;
        environment["RUNNER_TEMP"] = noSource.Folder;
        var refused = noSource.Run(GitHubStep(GitHubDoraWorkflowEmitter.Path, "Compute the DORA report"), environment, repository.Path);
        Assert.That(refused.ExitCode, Is.EqualTo(2));
        Assert.That(refused.Output, Does.Contain("--deployments-from-tags"));
    }

    /// <summary>main with one commit; the pull request adds a 600-line file on a branch.</summary>
    private static GitHistory PullRequestRepository(out string baseSha, out string headSha)
    {
        var repository = GitHistory.Create();
        baseSha = repository.Commit("2026-03-02T09:00:00Z");
        repository.Branch("feature");
        repository.Checkout("feature");
        var big = new StringBuilder();
        for (var line = 0; line < 600; line++)
        {
            big.Append("line ").Append(line).Append('\n');
        }

        headSha = repository.Commit("2026-03-03T09:00:00Z", file: "big.txt", text: big.ToString());
        repository.Checkout("main");
        return repository;
    }

    /// <summary>A sandbox whose guardrails is the CLI built with these tests; the scripts also run the real jq and git.</summary>
    private static BashSandbox Sandbox()
    {
        ExternalTool.Require("jq", "Install Debian's jq package.");
        ExternalTool.Require("git", "Install git.");
        return new BashSandbox().Program("guardrails", $"exec dotnet '{Cli}' \"$@\"");
    }

    private static Dictionary<string, string> SizeEnvironment(BashSandbox sandbox, string baseSha, string headSha, bool overridden) => new()
    {
        ["RUNNER_TEMP"] = sandbox.Folder,
        ["GITHUB_STEP_SUMMARY"] = Path.Combine(sandbox.Folder, "summary.md"),
        ["GUARDRAILS_BASE"] = baseSha,
        ["GUARDRAILS_HEAD"] = headSha,
        ["GUARDRAILS_OVERRIDE"] = overridden ? "true" : "false",
        ["GUARDRAILS_MAX_LINES"] = "400",
        ["GUARDRAILS_MAX_FILES"] = "0",
        ["GUARDRAILS_SIZES"] = "10,50,200,500",
        ["GUARDRAILS_OVERRIDE_LABEL"] = "size/override",
    };

    private static Dictionary<string, string> AzureSizeEnvironment(BashSandbox sandbox, string headSha) => new()
    {
        ["AGENT_TEMPDIRECTORY"] = sandbox.Folder,
        ["BUILD_REASON"] = "PullRequest",
        ["SYSTEM_COLLECTIONURI"] = "https://dev.azure.com/contoso/",
        ["SYSTEM_TEAMPROJECTID"] = "project-id",
        ["BUILD_REPOSITORY_ID"] = "repo-id",
        ["SYSTEM_PULLREQUEST_PULLREQUESTID"] = "17",
        ["SYSTEM_ACCESSTOKEN"] = "token",
        ["GUARDRAILS_BASE"] = "refs/heads/main",
        ["GUARDRAILS_HEAD"] = headSha,
        ["GUARDRAILS_MAX_LINES"] = "400",
        ["GUARDRAILS_MAX_FILES"] = "0",
        ["GUARDRAILS_SIZES"] = "10,50,200,500",
        ["GUARDRAILS_OVERRIDE_LABEL"] = "size/override",
    };

    private static string GitHubStep(string path, string name) =>
        Steps(path).Single(step => step.Text("name") == name).Text("run")!;

    private static string AzureStep(string path, string displayName) =>
        ((YamlMappingNode)Steps(path).Single(step => step.Text("displayName") == displayName).Get("inputs")!).Text("script")!;

    private static IEnumerable<YamlMappingNode> Steps(string path) =>
        YamlTree.AllMappings(YamlTree.Load(EmittedTemplates.Files.Single(file => file.RelativePath == path).Content));
}
