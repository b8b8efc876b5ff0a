using System.Collections.Generic;
using System.Linq;
using Guardrails.Diagnostics;
using Guardrails.Slo.Prometheus;

namespace Guardrails.Slo.Projects;

/// <summary>The findings of every check in file and line order, and the SLOs to generate rules for.</summary>
public sealed record ProjectValidationResult(IReadOnlyList<Finding> Findings, IReadOnlyList<PrometheusSlo> Slos)
{
    public bool HasErrors => Findings.Any(finding => finding.Severity == Severity.Error);
}
