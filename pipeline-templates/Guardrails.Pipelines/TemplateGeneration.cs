using System.Collections.Generic;
using Guardrails.Diagnostics;

namespace Guardrails.Pipelines;

/// <summary>Either the emitted files, or the findings that stopped them from being emitted.</summary>
public sealed record TemplateGeneration(string Version, IReadOnlyList<TemplateFile> Files, IReadOnlyList<Finding> Findings)
{
    public bool Succeeded => Findings.Count == 0;
}
