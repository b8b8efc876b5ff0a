namespace Guardrails.Slo.Prometheus.Rules;

/// <summary>Why an SLO cannot be turned into rules (the validator normally reports these first, with a rule id).</summary>
public sealed record RuleGenerationProblem(PrometheusSlo Slo, string Message);
