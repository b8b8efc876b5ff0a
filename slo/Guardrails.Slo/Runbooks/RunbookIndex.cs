using System;
using System.IO;

namespace Guardrails.Slo.Runbooks;

/// <summary>
/// A README.md or index.md in the runbook folder lists the runbooks; it is not one, so it is not held to the
/// runbook sections. Decided here once for the build and <c>guardrails validate</c>.
/// </summary>
public static class RunbookIndex
{
    public static bool IsIndex(string path)
    {
        var name = Path.GetFileName(path ?? throw new ArgumentNullException(nameof(path)));
        return name.Equals("README.md", StringComparison.OrdinalIgnoreCase) || name.Equals("index.md", StringComparison.OrdinalIgnoreCase);
    }
}
