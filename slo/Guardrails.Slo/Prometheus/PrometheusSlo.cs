using System;
using System.Collections.Generic;
using Guardrails.Diagnostics;

namespace Guardrails.Slo.Prometheus;

/// <summary>
/// One SLO reduced to what Prometheus needs, whatever file format it came from (OpenSLO v1 or Sloth
/// prometheus/v1). The rule generator and the canary gate both start from this, the way Sloth's
/// generator starts from its own model rather than from a spec.
/// </summary>
public sealed record PrometheusSlo
{
    /// <summary>The service the SLO belongs to (Sloth's <c>sloth_service</c> label).</summary>
    public required string Service { get; init; }

    /// <summary>The SLO's name within its service (Sloth's <c>sloth_slo</c> label).</summary>
    public required string Name { get; init; }

    /// <summary>Sloth's <c>sloth_id</c>: service and name joined by a dash.</summary>
    public string Id => Service + "-" + Name;

    /// <summary>The objective as a ratio in [0, 1): 0.999 for "99.9 %".</summary>
    public required double Objective { get; init; }

    /// <summary>The rolling window the error budget is spent over (30 days unless the SLO says otherwise).</summary>
    public TimeSpan TimeWindow { get; init; } = TimeSpan.FromDays(30);

    public required SliQuery Sli { get; init; }

    public SloCategory Category { get; init; } = SloCategory.Unspecified;

    public string? Description { get; init; }

    /// <summary>Repository-relative path or URL of the runbook, as written in the SLO file.</summary>
    public string? RunbookUrl { get; init; }

    /// <summary>Extra labels added to every generated rule.</summary>
    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();

    public BurnRateAlert PageAlert { get; init; } = BurnRateAlert.DefaultPage;

    public BurnRateAlert TicketAlert { get; init; } = BurnRateAlert.DefaultTicket;

    /// <summary>Where the SLO was declared, for findings about it.</summary>
    public SourceSpan? Source { get; init; }

    /// <summary>The format the SLO was read from (<c>prometheus/v1</c> or <c>openslo/v1</c>), Sloth's
    /// <c>sloth_spec</c> label on the generated <c>sloth_slo_info</c> series.</summary>
    public string SourceSpec { get; init; } = "prometheus/v1";
}
