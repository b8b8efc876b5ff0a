using System;
using System.Collections.Generic;
using System.IO;
using System.Runtime.InteropServices;

namespace Guardrails.Slo.Runbooks;

/// <summary>
/// Every runbook read during one validation, by full path, so a runbook that many SLOs link to is
/// parsed once, and a link to a runbook outside the checked folders is still resolved.
/// </summary>
public sealed class RunbookCatalog
{
    private readonly Dictionary<string, RunbookParseResult> byPath = new(PathComparer);

    /// <summary>File names compare as the file system does by default: without case on Windows and macOS.</summary>
    public static StringComparer PathComparer { get; } =
        RuntimeInformation.IsOSPlatform(OSPlatform.Windows) || RuntimeInformation.IsOSPlatform(OSPlatform.OSX)
            ? StringComparer.OrdinalIgnoreCase
            : StringComparer.Ordinal;

    public RunbookParseResult Get(string path)
    {
        var fullPath = Path.GetFullPath(path);
        if (!byPath.TryGetValue(fullPath, out var result))
        {
            result = RunbookParser.ParseFile(path);
            byPath.Add(fullPath, result);
        }

        return result;
    }
}
