using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Text.Json;
using Guardrails.Pipelines.GitHub;
using Guardrails.Testing;

namespace Guardrails.Pipelines.Tests.Executors;

/// <summary>
/// The emitted pull request workflow run end to end by the local executor, on a pull_request event of a real git
/// repository: the packed Guardrails.Cli installed from guardrails-source measures the pull request, and a gh
/// stand-in records the labelling and answers gh pr list.
/// </summary>
[NonParallelizable]
public sealed class GitHubPullRequestScenarioTests
{
    private static readonly string Workflow = Path.Combine(EmittedTemplates.Directory, GitHubPullRequestWorkflowEmitter.Path.Replace('/', Path.DirectorySeparatorChar));

    [Test]
    public void An_oversized_pull_request_fails_the_size_check_and_is_labelled_XL()
    {
        using var pullRequest = new PullRequestRun(labels: ["size/S"]);

        var outcome = pullRequest.Run();

        Assert.Multiple(() =>
        {
            Assert.That(outcome.Conclusion, Is.EqualTo("failure"), outcome.Log);
            Assert.That(outcome.JobResult("size"), Is.EqualTo("failure"), outcome.Log);
            Assert.That(outcome.Output("size"), Is.EqualTo("XL"));
            Assert.That(outcome.JobResult("label"), Is.EqualTo("success"), outcome.Log);
            Assert.That(outcome.JobResult("wip"), Is.EqualTo("success"), outcome.Log);
            Assert.That(pullRequest.GhCalls, Does.Contain("gh pr edit 7 --repo octo/shop --add-label size/XL --remove-label size/S"));
            Assert.That(pullRequest.GhCalls, Does.Contain("gh pr list --repo octo/shop --state open --limit 1000 --json number,author,isDraft,createdAt,labels"));
            Assert.That(outcome.Log, Does.Contain("600 changed lines"));
        });
    }

    [Test]
    public void The_override_label_lets_the_oversized_pull_request_pass()
    {
        using var pullRequest = new PullRequestRun(labels: ["size/override"]);

        var outcome = pullRequest.Run();

        Assert.Multiple(() =>
        {
            Assert.That(outcome.Conclusion, Is.EqualTo("success"), outcome.Log);
            Assert.That(outcome.Output("size"), Is.EqualTo("XL"));
            Assert.That(pullRequest.GhCalls, Does.Contain("gh pr edit 7 --repo octo/shop --add-label size/XL\n"), "size/override is not a size label: it stays");
        });
    }

    /// <summary>main, and a pull request adding a 600-line file; the event, the feed and the gh stand-in.</summary>
    private sealed class PullRequestRun : IDisposable
    {
        private readonly GitHistory repository = GitHistory.Create();
        private readonly string programs = ScratchFolders.Create("guardrails-gh-");
        private readonly string github;

        public PullRequestRun(string[] labels)
        {
            var baseSha = repository.Commit("2026-03-02T09:00:00Z");
            repository.Branch("feature");
            repository.Checkout("feature");
            var big = new StringBuilder();
            for (var line = 0; line < 600; line++)
            {
                big.Append("line ").Append(line).Append('\n');
            }

            var headSha = repository.Commit("2026-03-03T09:00:00Z", file: "big.txt", text: big.ToString());
            repository.Checkout("main");
            // No feed but the one guardrails-source names: the install must use that input.
            File.WriteAllText(Path.Combine(repository.Path, "nuget.config"), "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<configuration>\n  <packageSources>\n    <clear />\n  </packageSources>\n</configuration>\n");

            var pullRequests = Path.Combine(programs, "prs.json");
            File.WriteAllText(pullRequests, $$"""[{"author":{"login":"ana"},"createdAt":"{{DateTimeOffset.UtcNow.AddHours(-5):yyyy-MM-ddTHH:mm:ssZ}}","isDraft":false,"labels":[],"number":7}]""");
            var gh = Path.Combine(programs, "gh");
            File.WriteAllText(gh, $"#!/usr/bin/env bash\necho \"gh $*\" >> '{CallLog}'\nif [ \"$1 $2\" = 'pr list' ]; then cat '{pullRequests}'; fi\n");
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(gh, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }

            github = JsonSerializer.Serialize(new
            {
                event_name = "pull_request",
                repository = "octo/shop",
                @event = new
                {
                    pull_request = new
                    {
                        number = 7,
                        @base = new { sha = baseSha },
                        head = new { sha = headSha, repo = new { full_name = "octo/shop" } },
                        labels = Array.ConvertAll(labels, label => new { name = label }),
                    },
                },
            });
        }

        private string CallLog => Path.Combine(programs, "calls.log");

        public string GhCalls => File.Exists(CallLog) ? File.ReadAllText(CallLog) : string.Empty;

        public WorkflowOutcome Run() => GitHubExecutor.Run(
            Workflow,
            repository.Path,
            new Dictionary<string, object>
            {
                ["guardrails-version"] = CliPackageFeed.Current.Version,
                ["guardrails-source"] = CliPackageFeed.Current.Folder,
            },
            new Dictionary<string, string>(),
            github: github,
            programsFolder: programs);

        public void Dispose() => repository.Dispose();
    }
}
