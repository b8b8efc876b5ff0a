using System;
using System.Collections.Generic;
using System.Linq;

namespace Guardrails.EndToEnd.Tests.Infrastructure;

public sealed record BuildResult(int ExitCode, IReadOnlyList<BuildDiagnostic> Diagnostics, string Output)
{
    private const int OutputLinesInDescription = 40;

    public bool Succeeded => ExitCode == 0;

    public IEnumerable<BuildDiagnostic> WithCodePrefix(string prefix) =>
        Diagnostics.Where(diagnostic => diagnostic.Code.StartsWith(prefix, StringComparison.Ordinal));

    /// <summary>What a failing assertion should show: the exit code, every diagnostic, and the end of the log.</summary>
    public string Describe()
    {
        var lines = Output.Split('\n');
        var tail = lines.Skip(Math.Max(0, lines.Length - OutputLinesInDescription));
        return $"exit code {ExitCode}\n{string.Join('\n', Diagnostics)}\n--- last lines of the build log ---\n{string.Join('\n', tail)}";
    }
}
