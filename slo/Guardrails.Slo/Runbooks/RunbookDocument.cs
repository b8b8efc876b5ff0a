using System;
using System.Collections.Generic;
using System.Linq;
using Guardrails.Diagnostics;

namespace Guardrails.Slo.Runbooks;

/// <summary>What the checks need to know of one runbook, read once from its Markdown.</summary>
public sealed record RunbookDocument(string Path, string? Owner, SourceSpan? OwnerLocation, IReadOnlyList<RunbookSection> Sections)
{
    public bool HasAnchor(string anchor) =>
        Sections.Any(section => string.Equals(section.Anchor, anchor, StringComparison.Ordinal));

    public RunbookSection? FindSection(string title) =>
        Sections.FirstOrDefault(section => string.Equals(section.Title, title, StringComparison.OrdinalIgnoreCase));

    /// <summary>Where a finding about the whole runbook goes: its title when it has one.</summary>
    public SourceSpan TitleLocation => Sections.Count > 0 ? Sections[0].Location : SourceSpan.WholeFile(Path);
}
