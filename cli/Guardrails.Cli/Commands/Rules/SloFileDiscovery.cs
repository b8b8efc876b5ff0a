using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace Guardrails.Cli.Commands.Rules;

/// <summary>
/// The SLO files named on the command line: files as given, folders searched recursively for
/// <c>*.yaml</c> and <c>*.yml</c>. Sorted and without duplicates, so the same tree always gives the same output.
/// </summary>
internal static class SloFileDiscovery
{
    private static readonly string[] Extensions = [".yaml", ".yml"];

    /// <summary>The files, or the paths that do not exist.</summary>
    public static (IReadOnlyList<string> Files, IReadOnlyList<string> Missing) Find(IEnumerable<string> paths)
    {
        var files = new SortedSet<string>(StringComparer.Ordinal);
        var missing = new List<string>();
        foreach (var path in paths)
        {
            if (File.Exists(path))
            {
                files.Add(Path.GetFullPath(path));
            }
            else if (Directory.Exists(path))
            {
                foreach (var file in Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories).Where(IsSloFile))
                {
                    files.Add(Path.GetFullPath(file));
                }
            }
            else
            {
                missing.Add(path);
            }
        }

        return (files.ToList(), missing);
    }

    private static bool IsSloFile(string file) =>
        Extensions.Contains(Path.GetExtension(file), StringComparer.OrdinalIgnoreCase);
}
