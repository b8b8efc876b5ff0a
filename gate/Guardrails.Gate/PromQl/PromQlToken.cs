namespace Guardrails.Gate.PromQl;

/// <summary>One token of a PromQL expression and where it starts and ends (offsets into the text).</summary>
internal readonly record struct PromQlToken(PromQlTokenKind Kind, int Start, int End, string Text);
