namespace Guardrails.Analyzers;

internal static class RuleCategories
{
    public const string Resilience = "Reliability.Resilience";
    public const string Timeouts = "Reliability.Timeouts";
}
