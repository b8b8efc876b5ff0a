using System;
using System.IO;
using System.Linq;

namespace Guardrails.Slo.Files;

/// <summary>
/// A path as a person would type it from a folder (<c>../../slo</c>), with '/' separators. netstandard2.0 has no
/// <c>Path.GetRelativePath</c>, and the task must run on .NET Framework too.
/// </summary>
public static class RelativePath
{
    public static string From(string baseDirectory, string path)
    {
        var from = Segments(baseDirectory);
        var to = Segments(path);
        var comparison = Path.DirectorySeparatorChar == '\\' ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        var common = 0;
        while (common < from.Length && common < to.Length && string.Equals(from[common], to[common], comparison))
        {
            common++;
        }

        // Different drives or volumes: no relative form exists.
        if (common == 0)
        {
            return Path.GetFullPath(path);
        }

        var parts = Enumerable.Repeat("..", from.Length - common).Concat(to.Skip(common)).ToList();
        return parts.Count == 0 ? "." : string.Join("/", parts);
    }

    private static string[] Segments(string path) =>
        Path.GetFullPath(path).Split([Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar], StringSplitOptions.RemoveEmptyEntries);
}
