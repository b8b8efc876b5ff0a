using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace Guardrails.Slo.Files;

/// <summary>
/// The files under the paths named on a command line: a file as given, a folder searched recursively. A path
/// that does not exist is returned as missing rather than skipped, so a typo is a usage error, not an empty run.
/// Used by <c>guardrails validate</c>, <c>guardrails rules</c> and <c>guardrails gate</c>; each decides what a found file is.
/// </summary>
public static class InputFileSearch
{
    // Build output, packages and tool state hold copies of SLO files and generated rule files, not the team's sources.
    private static readonly string[] BuildAndPackageFolders = ["bin", "obj", "node_modules"];

    /// <summary>
    /// The files under <paramref name="paths"/>, in no particular order, skipping hidden folders, <c>bin</c>,
    /// <c>obj</c> and <c>node_modules</c>; <paramref name="missing"/> lists the paths that do not exist.
    /// </summary>
    public static IReadOnlyList<FoundFile> Find(IEnumerable<string> paths, out IReadOnlyList<string> missing)
    {
        var found = new List<FoundFile>();
        var notFound = new List<string>();
        foreach (var path in paths)
        {
            // Existence is checked before Path.GetFullPath, which throws on an empty argument.
            if (File.Exists(path))
            {
                found.Add(new FoundFile(Path.GetFullPath(path), SearchedFolder: null));
            }
            else if (Directory.Exists(path))
            {
                var folder = Path.GetFullPath(path);
                found.AddRange(FilesUnder(folder).Select(file => new FoundFile(Path.GetFullPath(file), folder)));
            }
            else
            {
                notFound.Add(path);
            }
        }

        missing = notFound;
        return found;
    }

    private static IEnumerable<string> FilesUnder(string folder)
    {
        foreach (var file in Directory.EnumerateFiles(folder))
        {
            yield return file;
        }

        foreach (var subfolder in Directory.EnumerateDirectories(folder))
        {
            if (IsSkipped(Path.GetFileName(subfolder)))
            {
                continue;
            }

            foreach (var file in FilesUnder(subfolder))
            {
                yield return file;
            }
        }
    }

    private static bool IsSkipped(string folderName) =>
        folderName.StartsWith(".", StringComparison.Ordinal) || BuildAndPackageFolders.Contains(folderName, StringComparer.OrdinalIgnoreCase);
}
