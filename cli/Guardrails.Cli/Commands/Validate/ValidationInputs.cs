using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Guardrails.Slo.Files;

namespace Guardrails.Cli.Commands.Validate;

/// <summary>
/// Which files <c>guardrails validate</c> checks. A file is checked as what its extension says (YAML: an SLO
/// file, Markdown: a runbook). In a folder, searched recursively, every YAML file is an SLO file and every
/// Markdown file inside a folder named <c>runbooks</c> is a runbook (other Markdown, like a README, is not);
/// hidden folders, <c>bin</c>, <c>obj</c> and <c>node_modules</c> are skipped. Without paths, the
/// conventional <c>slo/</c> and <c>docs/runbooks/</c> under the root are checked, as the build does.
/// <see cref="SloFolders"/> are the folders where SLO files were expected: <c>slo/</c> by default, and every
/// named folder that is not a runbooks folder (naming <c>docs/runbooks</c> alone checks runbooks alone).
/// </summary>
internal sealed record ValidationInputs(IReadOnlyList<string> SloFiles, IReadOnlyList<string> RunbookFiles, IReadOnlyList<string> SloFolders)
{
    public static ValidationInputs Default(string root)
    {
        var slo = Path.Combine(root, "slo");
        var runbooks = Path.Combine(root, "docs", "runbooks");
        return Collect([.. new[] { slo, runbooks }.Where(Directory.Exists)], out _) with { SloFolders = [slo] };
    }

    /// <summary>The files under the paths; <paramref name="missing"/> lists the paths that do not exist.</summary>
    public static ValidationInputs Collect(IReadOnlyList<string> paths, out IReadOnlyList<string> missing)
    {
        var slos = new SortedSet<string>(StringComparer.Ordinal);
        var runbooks = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var file in InputFileSearch.Find(paths, out missing))
        {
            if (file.IsYaml)
            {
                slos.Add(file.Path);
            }
            else if (file.IsMarkdown && IsRunbook(file))
            {
                runbooks.Add(file.Path);
            }
        }

        var sloFolders = paths.Where(Directory.Exists).Where(folder => !IsRunbookFolder(folder)).Select(Path.GetFullPath).ToList();
        return new ValidationInputs([.. slos], [.. runbooks], sloFolders);
    }

    /// <summary>Whether the folder, as the user typed it, is or lies inside a folder named <c>runbooks</c>.</summary>
    private static bool IsRunbookFolder(string typed) =>
        typed.Split([Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar], StringSplitOptions.RemoveEmptyEntries).Any(IsRunbookFolderName);

    private static bool IsRunbook(FoundFile file) =>
        file.SearchedFolder is not { } folder
        || IsRunbookFolderName(Path.GetFileName(folder.TrimEnd(Path.DirectorySeparatorChar)))
        || InRunbookFolder(folder, file.Path);

    private static bool InRunbookFolder(string root, string file) =>
        Path.GetRelativePath(root, Path.GetDirectoryName(file)!)
            .Split(Path.DirectorySeparatorChar)
            .Any(IsRunbookFolderName);

    private static bool IsRunbookFolderName(string name) => name.Equals("runbooks", StringComparison.OrdinalIgnoreCase);
}
