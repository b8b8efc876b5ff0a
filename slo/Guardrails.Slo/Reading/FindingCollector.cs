using System.Collections.Generic;
using Guardrails.Diagnostics;

namespace Guardrails.Slo.Reading;

/// <summary>Where readers and checks put what they find; counts errors so a reader knows whether its object is sound.</summary>
internal sealed class FindingCollector
{
    private readonly List<Finding> findings = [];

    public IReadOnlyList<Finding> Findings => findings;

    public int ErrorCount { get; private set; }

    public void Add(Rule rule, SourceSpan location, string message) => Add(new Finding(rule, location, message));

    public void Add(Finding finding)
    {
        findings.Add(finding);
        if (finding.Severity == Severity.Error)
        {
            ErrorCount++;
        }
    }

    public void AddRange(IEnumerable<Finding> others)
    {
        foreach (var finding in others)
        {
            Add(finding);
        }
    }
}
