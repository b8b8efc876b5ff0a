using Guardrails.Diagnostics;

namespace Guardrails.Slo.Reading;

/// <summary>A number read from a file, with where it was written.</summary>
internal sealed record NumberValue(double Value, SourceSpan Span);
