using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace Guardrails.EndToEnd.Tests.Infrastructure;

/// <summary>Reads MSBuild's canonical error format: <c>file(line,col[,endLine,endCol]): severity CODE: message [project]</c>.</summary>
internal static partial class MSBuildDiagnosticParser
{
    [GeneratedRegex(
        @"^(?<file>.+?)(?:\((?<line>\d+)(?:,(?<col>\d+))?(?:,(?<endLine>\d+),(?<endCol>\d+))?\))?\s*:\s*(?<severity>error|warning)\s+(?<code>[A-Za-z]+\d+)\s*:\s*(?<message>.*?)(?:\s+\[(?<project>[^\]]+)\])?$",
        RegexOptions.CultureInvariant)]
    private static partial Regex CanonicalLine();

    /// <summary>The distinct diagnostics in the log; MSBuild repeats some once per target framework or in its summary.</summary>
    public static IReadOnlyList<BuildDiagnostic> Parse(IEnumerable<string> lines, string baseDirectory) =>
        lines
            .Select(line => CanonicalLine().Match(line.Trim()))
            .Where(match => match.Success)
            .Select(match => ToDiagnostic(match, baseDirectory))
            .Distinct()
            .ToList();

    private static BuildDiagnostic ToDiagnostic(Match match, string baseDirectory) => new(
        match.Groups["code"].Value,
        match.Groups["severity"].Value,
        RelativeTo(baseDirectory, match.Groups["file"].Value),
        Number(match.Groups["line"]) ?? 0,
        Number(match.Groups["col"]) ?? 0,
        Number(match.Groups["endLine"]),
        Number(match.Groups["endCol"]),
        match.Groups["message"].Value);

    private static int? Number(Group group) =>
        group.Success ? int.Parse(group.Value, CultureInfo.InvariantCulture) : null;

    private static string RelativeTo(string baseDirectory, string file)
    {
        var full = Path.IsPathRooted(file) ? file : Path.Combine(baseDirectory, file);
        var relative = Path.GetRelativePath(baseDirectory, full);
        return relative.StartsWith("..", StringComparison.Ordinal) ? file : relative.Replace('\\', '/');
    }
}
