using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Guardrails.Delivery.Git;

namespace Guardrails.Delivery.PullRequests;

/// <summary>
/// Measures a pull request as its reviewers see it: <c>git diff --numstat BASE...HEAD</c> (the changes on
/// HEAD since it left BASE, renames not detected), minus binary files, files marked <c>linguist-generated</c>
/// or <c>-diff</c> in <c>.gitattributes</c> (as checked out), lock files and generated C#. Two git processes
/// whatever the number of files.
/// </summary>
public static class PullRequestSizer
{
    public static PullRequestSize Measure(GitRepository repository, string baseRevision, string headRevision, SizeThresholds thresholds, int? maxLines, int? maxFiles)
    {
        ArgumentNullException.ThrowIfNull(repository);
        ArgumentNullException.ThrowIfNull(thresholds);
        var commits = repository.ResolveCommits([baseRevision, headRevision]);
        foreach (var (option, revision) in new[] { ("--base", baseRevision), ("--head", headRevision) })
        {
            if (commits[revision] is null)
            {
                throw new DeliveryInputException(DeliveryRules.RevisionNotFound, repository.Location, $"{option} '{revision}' is not a commit in '{repository.Path}'. Fetch it (actions/checkout with fetch-depth: 0, or git fetch origin {revision}).");
            }
        }

        var numstat = new List<(string Path, string Added, string Deleted)>();
        foreach (var record in repository.Git.Stream(["diff", "--numstat", "-z", "--no-renames", "--no-ext-diff", commits[baseRevision] + "..." + commits[headRevision]], separator: '\0'))
        {
            // -z: "added<TAB>deleted<TAB>path" then NUL; binary files show "-" for both counts.
            var fields = record.TrimStart('\n').Split('\t', 3);
            if (fields.Length == 3)
            {
                numstat.Add((fields[2], fields[0], fields[1]));
            }
        }

        var marked = GitAttributeMarks(repository, numstat.Select(entry => entry.Path).ToList());
        var files = new List<ChangedFile>();
        var excluded = new List<ExcludedFile>();
        foreach (var (path, added, deleted) in numstat)
        {
            // A -diff file also shows as binary in numstat; the mark the team wrote is the better reason.
            var reason = SizeExclusions.ByName(path) ?? marked.GetValueOrDefault(path) ?? (added == "-" ? "binary" : null);
            if (reason is not null)
            {
                excluded.Add(new ExcludedFile(path, reason));
                continue;
            }

            files.Add(new ChangedFile(path, int.Parse(added, CultureInfo.InvariantCulture), int.Parse(deleted, CultureInfo.InvariantCulture)));
        }

        var counted = files.Sum(file => file.ChangedLines);
        return new PullRequestSize(baseRevision, headRevision, files, excluded, thresholds.SizeOf(counted), maxLines, maxFiles);
    }

    /// <summary>Paths whose <c>linguist-generated</c> is set or <c>true</c>, or whose <c>diff</c> is unset, from one <c>git check-attr --stdin</c>.</summary>
    private static Dictionary<string, string> GitAttributeMarks(GitRepository repository, List<string> paths)
    {
        var marks = new Dictionary<string, string>(StringComparer.Ordinal);
        if (paths.Count == 0)
        {
            return marks;
        }

        var fields = repository.Git.Stream(["check-attr", "-z", "--stdin", "linguist-generated", "diff"], paths, separator: '\0').ToList();

        // -z output: path NUL attribute NUL value NUL, repeated.
        for (var i = 0; i + 2 < fields.Count; i += 3)
        {
            var (path, attribute, value) = (fields[i].TrimStart('\n'), fields[i + 1], fields[i + 2]);
            if (attribute == "linguist-generated" && value is "set" or "true")
            {
                marks.TryAdd(path, "linguist-generated");
            }
            else if (attribute == "diff" && value == "unset")
            {
                marks.TryAdd(path, "-diff");
            }
        }

        return marks;
    }
}
