namespace Guardrails.Slo.Prometheus.Rules;

/// <summary>One service's rule file: its name (<c>&lt;service&gt;.rules.yml</c>), its text and how many SLOs it holds.</summary>
public sealed record ServiceRuleFile(string FileName, string Text, int SloCount);
