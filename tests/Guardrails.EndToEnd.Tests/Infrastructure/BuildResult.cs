using System.Collections.Generic;
using System.Linq;

namespace Guardrails.EndToEnd.Tests.Infrastructure;

public sealed record BuildResult(int ExitCode, IReadOnlyList<BuildDiagnostic> Diagnostics, string Output)
{
    public bool Succeeded => ExitCode == 0;

    public IEnumerable<BuildDiagnostic> WithCodePrefix(string prefix) =>
        Diagnostics.Where(diagnostic => diagnostic.Code.StartsWith(prefix, System.StringComparison.Ordinal));
}
