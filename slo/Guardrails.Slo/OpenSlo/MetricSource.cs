using Guardrails.Diagnostics;
using Guardrails.Slo.Reading;

namespace Guardrails.Slo.OpenSlo;

/// <summary>
/// One metric of an SLI (<c>thresholdMetric</c>, <c>good</c>, <c>bad</c>, <c>total</c>, <c>raw</c>): where it comes
/// from and, for a Prometheus source, its <c>spec.query</c>.
/// </summary>
internal sealed record MetricSource(TextValue? Type, OpenSloReference? SourceRef, TextValue? Query, SourceSpan Span);
