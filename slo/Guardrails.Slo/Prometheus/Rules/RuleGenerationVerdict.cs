using System.Collections.Generic;
using Guardrails.Diagnostics;

namespace Guardrails.Slo.Prometheus.Rules;

/// <summary>What <see cref="RuleGenerationContract.Check"/> found: the breaches, and the SLOs free of them.</summary>
public sealed record RuleGenerationVerdict(IReadOnlyList<Finding> Findings, IReadOnlyList<PrometheusSlo> Accepted);
