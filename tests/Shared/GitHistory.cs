using System;
using System.Collections.Generic;
using System.IO;

namespace Guardrails.Testing;

/// <summary>
/// A real git repository built by a test, every commit and tag at a fixed time (GIT_AUTHOR_DATE,
/// GIT_COMMITTER_DATE), so lead times can be checked by hand. Lives in a <see cref="TemporaryFolder"/>.
/// </summary>
internal sealed class GitHistory : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(1);
    private readonly TemporaryFolder folder;
    private int files;

    private GitHistory(TemporaryFolder folder)
    {
        this.folder = folder;
        Git(null, "init", "--quiet", "--initial-branch=main");
    }

    public string Path => folder.Root;

    public static GitHistory Create() => new(TemporaryFolder.Create("guardrails-git-"));

    /// <summary>A commit adding one new file; returns its hash. <paramref name="authored"/> defaults to the commit time.</summary>
    public string Commit(string time, string? authored = null, string? file = null, string? text = null)
    {
        files++;
        folder.Write(file ?? $"file{files}.txt", text ?? $"change {files}\n");
        Git(time, "add", "--all");
        Run(new Dictionary<string, string?> { ["GIT_AUTHOR_DATE"] = authored ?? time, ["GIT_COMMITTER_DATE"] = time }, "commit", "--quiet", "--message", $"change {files}");
        return Head();
    }

    public string Head() => Git(null, "rev-parse", "HEAD").Trim();

    public void LightweightTag(string name, string revision = "HEAD") => Git(null, "tag", name, revision);

    /// <summary>An annotated tag; its tagger date is <paramref name="time"/>.</summary>
    public void AnnotatedTag(string name, string time, string revision = "HEAD") => Git(time, "tag", "--annotate", "--message", name, name, revision);

    public void Branch(string name, string from = "HEAD") => Git(null, "branch", name, from);

    public void Checkout(string name) => Git(null, "checkout", "--quiet", name);

    /// <summary>A merge commit (never a fast-forward) of <paramref name="branch"/> into the current branch.</summary>
    public string Merge(string branch, string time)
    {
        Git(time, "merge", "--no-ff", "--quiet", "--message", "merge " + branch, branch);
        return Head();
    }

    /// <summary>Rebases the current branch onto <paramref name="onto"/>; the rewritten commits get <paramref name="time"/> as committer date.</summary>
    public void Rebase(string onto, string time) =>
        Run(new Dictionary<string, string?> { ["GIT_COMMITTER_DATE"] = time }, "rebase", "--quiet", onto);

    public string Git(string? time, params string[] arguments) =>
        Run(time is null ? null : new Dictionary<string, string?> { ["GIT_AUTHOR_DATE"] = time, ["GIT_COMMITTER_DATE"] = time }, arguments);

    public void Dispose() => folder.Dispose();

    private string Run(Dictionary<string, string?>? environment, params string[] arguments)
    {
        var git = ExternalTool.Require("git", "Install git (apt-get install git).");
        var variables = new Dictionary<string, string?>
        {
            ["GIT_AUTHOR_NAME"] = "Test Author",
            ["GIT_AUTHOR_EMAIL"] = "author@example.com",
            ["GIT_COMMITTER_NAME"] = "Test Committer",
            ["GIT_COMMITTER_EMAIL"] = "committer@example.com",
            ["GIT_CONFIG_GLOBAL"] = "/dev/null",
            ["GIT_CONFIG_NOSYSTEM"] = "1",
        };
        foreach (var (name, value) in environment ?? [])
        {
            variables[name] = value;
        }

        var outcome = ProcessRunner.Run(git, arguments, folder.Root, Timeout, variables);
        if (outcome.ExitCode != 0)
        {
            throw new InvalidOperationException($"git {string.Join(' ', arguments)} failed in {folder.Root}:\n{outcome.Output}");
        }

        return outcome.Output;
    }
}
