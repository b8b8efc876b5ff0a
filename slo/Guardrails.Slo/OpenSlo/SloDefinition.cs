using System;
using System.Collections.Generic;
using Guardrails.Diagnostics;
using Guardrails.Slo.Prometheus;
using Guardrails.Slo.Reading;

namespace Guardrails.Slo.OpenSlo;

/// <summary>An OpenSLO SLO as far as Guardrails needs it after validation.</summary>
internal sealed record SloDefinition
{
    public required TextValue Name { get; init; }

    public required TextValue Service { get; init; }

    public string? Description { get; init; }

    public IndicatorSource? Indicator { get; init; }

    public required IReadOnlyList<SloObjective> Objectives { get; init; }

    public TimeSpan? TimeWindow { get; init; }

    public IReadOnlyList<AlertPolicyLink> AlertPolicies { get; init; } = [];

    public SloCategory Category { get; init; }

    public string? RunbookUrl { get; init; }

    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();

    public required SourceSpan Span { get; init; }

    /// <summary>False when the SLO's own text had errors: it is checked, but not turned into rules.</summary>
    public bool IsSound { get; init; }
}
