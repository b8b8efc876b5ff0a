namespace Guardrails.Gate.PromQl;

/// <summary>One PromQL label matcher such as <c>track="canary"</c>, kept as written.</summary>
public sealed record LabelMatcher(string Name, string Operator, string QuotedValue)
{
    public override string ToString() => Name + Operator + QuotedValue;
}
