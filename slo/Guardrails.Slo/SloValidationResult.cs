using System.Collections.Generic;
using Guardrails.Diagnostics;
using Guardrails.Slo.Prometheus;

namespace Guardrails.Slo;

/// <summary>
/// Everything learnt from a set of SLO files: the problems, the SLOs that can be turned into Prometheus
/// rules, and the runbooks the SLOs and alerts point to (checked by the runbook validation).
/// </summary>
public sealed record SloValidationResult(
    IReadOnlyList<Finding> Findings,
    IReadOnlyList<PrometheusSlo> Slos,
    IReadOnlyList<RunbookReference> RunbookReferences);
