namespace Guardrails.Slo.OpenSlo;

/// <summary>An SLI's <c>spec</c>, declared as an SLI object or inline in an SLO.</summary>
internal sealed record SliSpec(MetricSource? ThresholdMetric, RatioMetric? Ratio);
