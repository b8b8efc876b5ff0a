namespace Guardrails.Slo.OpenSlo;

/// <summary>How an SLO (or a composite objective) names its SLI: inline, or by reference. Exactly one is set.</summary>
internal sealed record IndicatorSource(SliSpec? Inline, OpenSloReference? Reference);
