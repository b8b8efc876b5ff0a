using Guardrails.Slo.Diagnostics;

namespace Guardrails.Slo.OpenSlo;

/// <param name="Ratio">target, or targetPercent / 100; null when neither was valid.</param>
internal sealed record SloObjective(double? Ratio, string? DisplayName, IndicatorSource? Indicator, SourceSpan Span);
