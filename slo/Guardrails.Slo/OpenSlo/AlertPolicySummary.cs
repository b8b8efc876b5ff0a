namespace Guardrails.Slo.OpenSlo;

/// <summary>
/// What the Prometheus mapping needs from an AlertPolicy: its name, its runbook, and the severity of its one
/// condition, given inline or through <see cref="ConditionRef"/>.
/// </summary>
internal sealed record AlertPolicySummary(string Name, string? Runbook, string? Severity, string? ConditionRef);
