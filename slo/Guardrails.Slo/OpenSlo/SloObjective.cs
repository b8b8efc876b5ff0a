using Guardrails.Diagnostics;

namespace Guardrails.Slo.OpenSlo;

/// <param name="Ratio">target, or targetPercent / 100; null when neither was valid.</param>
/// <param name="HasThreshold">Whether op and value are both written, as a threshold metric needs.</param>
internal sealed record SloObjective(double? Ratio, string? DisplayName, IndicatorSource? Indicator, bool HasThreshold, SourceSpan Span);
