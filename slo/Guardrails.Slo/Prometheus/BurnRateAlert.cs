using System.Collections.Generic;

namespace Guardrails.Slo.Prometheus;

/// <summary>The page or ticket alert of the multiwindow, multi-burn-rate pair (SRE Workbook, chapter 5).</summary>
public sealed record BurnRateAlert
{
    public static BurnRateAlert DefaultPage { get; } = new() { Severity = "critical" };

    public static BurnRateAlert DefaultTicket { get; } = new() { Severity = "warning" };

    public bool Disabled { get; init; }

    /// <summary>The alert's name; the generator derives one when none is given.</summary>
    public string? Name { get; init; }

    /// <summary>Value of the <c>severity</c> label (Sloth: critical for page, warning for ticket).</summary>
    public string Severity { get; init; } = "critical";

    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();

    public IReadOnlyDictionary<string, string> Annotations { get; init; } = new Dictionary<string, string>();
}
