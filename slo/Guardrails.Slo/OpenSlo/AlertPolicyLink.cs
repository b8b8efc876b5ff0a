namespace Guardrails.Slo.OpenSlo;

/// <summary>One entry of an SLO's <c>alertPolicies</c>: an inline policy, or the name of a declared one.</summary>
internal sealed record AlertPolicyLink(AlertPolicySummary? Inline, string? Reference);
