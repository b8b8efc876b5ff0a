using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace Guardrails.Cli.Commands.Validate;

/// <summary>
/// Which files <c>guardrails validate</c> checks. A file is checked as what its extension says (YAML: an SLO
/// file, Markdown: a runbook). In a folder, searched recursively, every YAML file is an SLO file and every
/// Markdown file inside a folder named <c>runbooks</c> is a runbook (other Markdown, like a README, is not);
/// hidden folders, <c>bin</c>, <c>obj</c> and <c>node_modules</c> are skipped. Without paths, the
/// conventional <c>slo/</c> and <c>docs/runbooks/</c> under the root are checked, as the build does.
/// </summary>
internal sealed record ValidationInputs(IReadOnlyList<string> SloFiles, IReadOnlyList<string> RunbookFiles)
{
    private static readonly string[] SkippedFolders = ["bin", "obj", "node_modules"];

    public static ValidationInputs Default(string root)
    {
        var slo = Path.Combine(root, "slo");
        var runbooks = Path.Combine(root, "docs", "runbooks");
        return Collect([.. new[] { slo, runbooks }.Where(Directory.Exists)], out _);
    }

    /// <summary>The files under the paths; <paramref name="missing"/> lists the paths that do not exist.</summary>
    public static ValidationInputs Collect(IReadOnlyList<string> paths, out IReadOnlyList<string> missing)
    {
        var slos = new SortedSet<string>(StringComparer.Ordinal);
        var runbooks = new SortedSet<string>(StringComparer.Ordinal);
        var notFound = new List<string>();
        foreach (var path in paths)
        {
            var full = Path.GetFullPath(path);
            if (File.Exists(full))
            {
                AddFile(full, slos, runbooks, explicitlyNamed: true);
            }
            else if (Directory.Exists(full))
            {
                var folderIsRunbooks = IsRunbookFolderName(Path.GetFileName(full.TrimEnd(Path.DirectorySeparatorChar)));
                foreach (var file in FilesUnder(full))
                {
                    AddFile(file, slos, runbooks, explicitlyNamed: folderIsRunbooks || InRunbookFolder(full, file));
                }
            }
            else
            {
                notFound.Add(path);
            }
        }

        missing = notFound;
        return new ValidationInputs([.. slos], [.. runbooks]);
    }

    private static void AddFile(string file, SortedSet<string> slos, SortedSet<string> runbooks, bool explicitlyNamed)
    {
        var extension = Path.GetExtension(file);
        if (extension.Equals(".yaml", StringComparison.OrdinalIgnoreCase) || extension.Equals(".yml", StringComparison.OrdinalIgnoreCase))
        {
            slos.Add(file);
        }
        else if (extension.Equals(".md", StringComparison.OrdinalIgnoreCase) && explicitlyNamed)
        {
            runbooks.Add(file);
        }
    }

    private static bool InRunbookFolder(string root, string file) =>
        Path.GetRelativePath(root, Path.GetDirectoryName(file)!)
            .Split(Path.DirectorySeparatorChar)
            .Any(IsRunbookFolderName);

    private static bool IsRunbookFolderName(string name) => name.Equals("runbooks", StringComparison.OrdinalIgnoreCase);

    private static IEnumerable<string> FilesUnder(string folder)
    {
        foreach (var file in Directory.EnumerateFiles(folder))
        {
            yield return file;
        }

        foreach (var subfolder in Directory.EnumerateDirectories(folder))
        {
            var name = Path.GetFileName(subfolder);
            if (name.StartsWith('.') || SkippedFolders.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                continue;
            }

            foreach (var file in FilesUnder(subfolder))
            {
                yield return file;
            }
        }
    }
}
