namespace Guardrails.Analyzers.Timeouts;

/// <summary>Which integer an API reads as "no timeout".</summary>
internal enum InfiniteMarker
{
    None,
    Zero,
    MinusOne,
    ZeroOrMinusOne,
}
