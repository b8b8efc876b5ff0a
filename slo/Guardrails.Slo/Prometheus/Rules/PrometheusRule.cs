using System.Collections.Generic;

namespace Guardrails.Slo.Prometheus.Rules;

/// <summary>A recording rule (<see cref="Record"/> set) or an alerting rule (<see cref="Alert"/> set), as in a Prometheus rule file.</summary>
public sealed record PrometheusRule
{
    public string? Record { get; init; }

    public string? Alert { get; init; }

    public required string Expr { get; init; }

    public IReadOnlyDictionary<string, string> Labels { get; init; } = new SortedDictionary<string, string>();

    public IReadOnlyDictionary<string, string> Annotations { get; init; } = new SortedDictionary<string, string>();
}
