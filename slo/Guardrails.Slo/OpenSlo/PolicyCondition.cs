namespace Guardrails.Slo.OpenSlo;

/// <summary>An AlertPolicy's one condition as far as alert mapping needs it: its severity inline, or a reference to it.</summary>
internal sealed record PolicyCondition(string? Severity, string? ConditionRef);
