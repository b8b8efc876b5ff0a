using System.Collections.Generic;
using Guardrails.Gate.Prometheus;
using Guardrails.Slo.Prometheus;

namespace Guardrails.Gate;

/// <summary>Everything the gate needs, checked: what to query, how to decide, where to report.</summary>
public sealed record GatePlan(
    string Service,
    string ServiceVersion,
    string? Step,
    IReadOnlyList<CanaryBurnRateQuery> Queries,
    string? TrafficQuery,
    double MaxBurnRate,
    int MinRequests,
    AnalysisLimits Limits,
    GateSchedule Schedule,
    PrometheusDuration Window,
    string Selector,
    PrometheusConnection Connection,
    QueryResilience Resilience,
    string? RecordPath)
{
    /// <summary>The traffic a read needs: <see cref="MinRequests"/> over <see cref="Window"/>.</summary>
    public TrafficFloor Floor => new(MinRequests, Window);
}
