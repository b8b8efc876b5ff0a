using System;

namespace Guardrails.Testing;

/// <summary>
/// The switch that lets golden-file tests rewrite their expected files after an intended change. CI refuses it:
/// a golden file rewritten by the run that checks it would make the test pass whatever the output.
/// </summary>
internal static class GoldenFileUpdate
{
    public const string Variable = "GUARDRAILS_UPDATE_GOLDEN";

    /// <summary>Whether this run may rewrite golden files; throws when asked to under <c>CI=true</c>.</summary>
    public static bool Requested => Decide(Environment.GetEnvironmentVariable(Variable), Environment.GetEnvironmentVariable("CI"));

    public static bool Decide(string? update, string? ci)
    {
        if (!string.Equals(update, "1", StringComparison.Ordinal))
        {
            return false;
        }

        if (string.Equals(ci, "true", StringComparison.OrdinalIgnoreCase) || string.Equals(ci, "1", StringComparison.Ordinal))
        {
            throw new InvalidOperationException(
                $"{Variable}=1 is refused when CI=true: golden files are regenerated on a developer's machine and the diff reviewed, never rewritten by the run that checks them.");
        }

        return true;
    }
}
