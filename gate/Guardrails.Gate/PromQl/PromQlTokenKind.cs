namespace Guardrails.Gate.PromQl;

internal enum PromQlTokenKind
{
    Identifier,

    /// <summary>A number or a duration (<c>5m</c>, <c>1e-3</c>, <c>0x1f</c>): anything starting with a digit or a dot.</summary>
    NumberOrDuration,
    String,
    LeftBrace,
    RightBrace,
    LeftParen,
    RightParen,
    LeftBracket,
    RightBracket,
    Comma,

    /// <summary>A label matching operator: <c>=</c>, <c>!=</c>, <c>=~</c>, <c>!~</c>.</summary>
    MatchOperator,

    /// <summary>Any other operator or punctuation (<c>/</c>, <c>==</c>, <c>@</c>, ...); the injector passes it through.</summary>
    Other,
}
