namespace Guardrails.Slo.Diagnostics;

public enum Severity
{
    Error,
    Warning,
    Info,
}
