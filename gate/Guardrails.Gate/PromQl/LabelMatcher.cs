namespace Guardrails.Gate.PromQl;

/// <summary>One PromQL label matcher such as <c>track="canary"</c>, kept as written.</summary>
public sealed record LabelMatcher(string Name, string Operator, string QuotedValue)
{
    /// <summary><c>name="value"</c>, with the value quoted as a PromQL string (backslash and double quote escaped).</summary>
    public static LabelMatcher Equal(string name, string value) =>
        new(name, "=", "\"" + value.Replace("\\", "\\\\", System.StringComparison.Ordinal).Replace("\"", "\\\"", System.StringComparison.Ordinal) + "\"");

    public override string ToString() => Name + Operator + QuotedValue;
}
