namespace Guardrails.EndToEnd.Tests.Infrastructure;

/// <summary>One error or warning from a consumer's build, as MSBuild printed it. Paths are relative to the
/// consumer's folder with forward slashes, so tests read the same on every OS.</summary>
public sealed record BuildDiagnostic(
    string Code,
    string Severity,
    string File,
    int Line,
    int Column,
    int? EndLine,
    int? EndColumn,
    string Message)
{
    public override string ToString() =>
        EndLine is null
            ? $"{File}({Line},{Column}): {Severity} {Code}: {Message}"
            : $"{File}({Line},{Column},{EndLine},{EndColumn}): {Severity} {Code}: {Message}";
}
