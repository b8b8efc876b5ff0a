using System.Collections.Generic;

namespace Guardrails.Slo.Prometheus.Rules;

/// <summary>One <c>groups[]</c> entry of a Prometheus rule file; Prometheus evaluates a group's rules in order.</summary>
public sealed record PrometheusRuleGroup(string Name, IReadOnlyList<PrometheusRule> Rules);
