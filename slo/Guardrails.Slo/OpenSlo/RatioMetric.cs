namespace Guardrails.Slo.OpenSlo;

/// <summary><c>ratioMetric</c>: good or bad over total, or a raw ratio whose <c>rawType</c> says which.</summary>
internal sealed record RatioMetric(MetricSource? Good, MetricSource? Bad, MetricSource? Total, MetricSource? Raw, string? RawType);
