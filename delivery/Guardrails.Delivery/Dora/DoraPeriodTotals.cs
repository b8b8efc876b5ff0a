using System;

namespace Guardrails.Delivery.Dora;

/// <summary>A period's metrics with its deployment rate (deployments over the period's length in weeks) and bands.</summary>
public sealed record DoraPeriodTotals(DateTimeOffset From, DateTimeOffset To, DoraMetrics Metrics, double DeploymentsPerWeek, DoraBands Bands);
