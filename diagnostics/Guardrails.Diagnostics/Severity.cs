namespace Guardrails.Diagnostics;

public enum Severity
{
    Error,
    Warning,
    Info,
}
