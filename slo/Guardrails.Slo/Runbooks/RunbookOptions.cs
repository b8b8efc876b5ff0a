using System.Collections.Generic;

namespace Guardrails.Slo.Runbooks;

/// <summary>What a team requires of its runbooks.</summary>
public sealed record RunbookOptions
{
    public static IReadOnlyList<string> DefaultRequiredSections { get; } =
        ["Summary", "Impact", "Diagnosis", "Mitigation", "Rollback", "Escalation"];

    /// <summary>Headings every runbook must have, matched case-insensitively at any heading level.</summary>
    public IReadOnlyList<string> RequiredSections { get; init; } = DefaultRequiredSections;

    /// <summary>Whether a runbook must name its owner (front matter <c>owner:</c> or an <c>Owner:</c> line).</summary>
    public bool RequireOwner { get; init; } = true;
}
