using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace Guardrails.Cli.Commands;

/// <summary>
/// The files under the paths named on a command line: a file as given, a folder searched recursively. A path
/// that does not exist is returned as missing rather than skipped, so a typo is a usage error, not an empty run.
/// Used by <c>guardrails validate</c> and <c>guardrails rules</c>; each decides what a found file is.
/// </summary>
internal sealed class InputFileSearch
{
    private static readonly string[] BuildAndPackageFolders = ["bin", "obj", "node_modules"];

    private readonly bool skipsHiddenAndBuildFolders;

    private InputFileSearch(bool skipsHiddenAndBuildFolders) => this.skipsHiddenAndBuildFolders = skipsHiddenAndBuildFolders;

    /// <summary>
    /// Every subfolder is searched. <c>guardrails rules</c> documents its folders as searched recursively with no
    /// exception (docs/prometheus-rules.md) and is pointed at an SLO folder, not at a whole repository; its
    /// behaviour is kept as it was when the two searches were merged.
    /// </summary>
    public static InputFileSearch EveryFolder { get; } = new(skipsHiddenAndBuildFolders: false);

    /// <summary>
    /// Hidden folders, <c>bin</c>, <c>obj</c> and <c>node_modules</c> are skipped (docs/validate.md):
    /// <c>guardrails validate</c> is pointed at whole repositories, where those folders hold build output, packages
    /// and tool state (copies of SLO files, generated rule files) that are not the team's own sources.
    /// </summary>
    public static InputFileSearch SkippingHiddenAndBuildFolders { get; } = new(skipsHiddenAndBuildFolders: true);

    /// <summary>The files under <paramref name="paths"/>, in no particular order; <paramref name="missing"/> lists the paths that do not exist.</summary>
    public IReadOnlyList<FoundFile> Find(IEnumerable<string> paths, out IReadOnlyList<string> missing)
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

    private IEnumerable<string> FilesUnder(string folder)
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

    private bool IsSkipped(string folderName) =>
        skipsHiddenAndBuildFolders
        && (folderName.StartsWith('.') || BuildAndPackageFolders.Contains(folderName, StringComparer.OrdinalIgnoreCase));
}
