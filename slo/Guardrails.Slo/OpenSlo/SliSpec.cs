namespace Guardrails.Slo.OpenSlo;

/// <summary>An SLI's <c>spec</c>, declared as an SLI object or inline in an SLO.</summary>
internal sealed record SliSpec(MetricSource? ThresholdMetric, RatioMetric? Ratio);

/// <summary><c>ratioMetric</c>: good or bad over total, or a raw ratio whose <c>rawType</c> says which.</summary>
internal sealed record RatioMetric(MetricSource? Good, MetricSource? Bad, MetricSource? Total, MetricSource? Raw, string? RawType);
