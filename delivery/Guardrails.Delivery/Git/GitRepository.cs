using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Guardrails.Diagnostics;

namespace Guardrails.Delivery.Git;

/// <summary>
/// A repository the delivery commands can trust: git reads it, it has commits, and it has its whole
/// history (a shallow clone would silently shorten every lead time).
/// </summary>
public sealed class GitRepository
{
    private GitRepository(GitCli git)
    {
        Git = git;
    }

    public string Path => Git.Repository;

    internal GitCli Git { get; }

    internal SourceSpan Location => SourceSpan.WholeFile(Path);

    /// <summary>Opens the repository or throws <see cref="DeliveryInputException"/> saying what is wrong and what to do.</summary>
    public static GitRepository Open(string path)
    {
        var full = System.IO.Path.GetFullPath(path);
        var location = SourceSpan.WholeFile(full);
        if (!Directory.Exists(full))
        {
            throw new DeliveryInputException(DeliveryRules.GitUnavailable, location, $"The repository folder '{full}' does not exist; pass --repository with the folder of a git clone.");
        }

        var git = new GitCli(full);
        string shallow;
        try
        {
            shallow = git.Run("rev-parse", "--is-shallow-repository");
        }
        catch (GitCommandException exception)
        {
            throw new DeliveryInputException(DeliveryRules.GitUnavailable, location, $"'{full}' is not a git repository git can read: {exception.Message}");
        }

        if (shallow == "true")
        {
            throw new DeliveryInputException(DeliveryRules.ShallowClone, location, $"'{full}' is a shallow clone: commits before its depth are missing, so changes and lead times would be wrong. Fetch the whole history (git fetch --unshallow; actions/checkout with fetch-depth: 0; Azure Pipelines checkout with fetchDepth: 0).");
        }

        var repository = new GitRepository(git);
        if (!git.Stream(["rev-list", "-n", "1", "--all"]).Any())
        {
            throw new DeliveryInputException(DeliveryRules.EmptyRepository, location, $"'{full}' has no commits yet; there is nothing to measure.");
        }

        return repository;
    }

    /// <summary>
    /// The commit each revision names (a tag, a branch, a full or abbreviated hash), asked of one
    /// <c>git cat-file --batch-check</c>; a missing revision maps to null.
    /// </summary>
    internal IReadOnlyDictionary<string, string?> ResolveCommits(IReadOnlyCollection<string> revisions)
    {
        var distinct = revisions.Distinct(StringComparer.Ordinal).ToList();
        var result = new Dictionary<string, string?>(StringComparer.Ordinal);
        if (distinct.Count == 0)
        {
            return result;
        }

        // A revision with a newline or leading '-' could smuggle another request into the batch.
        var valid = distinct.Where(revision => revision.Length > 0 && revision.IndexOfAny(['\n', '\r', ' ']) < 0).ToList();
        foreach (var invalid in distinct.Except(valid))
        {
            result[invalid] = null;
        }

        using var lines = Git.Stream(["cat-file", "--batch-check=%(objectname) %(objecttype)"], valid.Select(revision => revision + "^{commit}")).GetEnumerator();
        foreach (var revision in valid)
        {
            if (!lines.MoveNext())
            {
                result[revision] = null;
                continue;
            }

            var parts = lines.Current.Split(' ');
            result[revision] = parts.Length == 2 && parts[1] == "commit" ? parts[0] : null;
        }

        while (lines.MoveNext())
        {
            // Drain so git exits normally.
        }

        return result;
    }
}
