using Guardrails.Diagnostics;

namespace Guardrails.Slo.Reading;

/// <summary>A string read from a file, with where it was written.</summary>
internal sealed record TextValue(string Value, SourceSpan Span)
{
    public override string ToString() => Value;
}
