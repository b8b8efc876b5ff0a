using System;

namespace Guardrails.Delivery.Dora;

/// <summary>One ISO week of the report; <paramref name="Start"/> is its Monday (UTC).</summary>
public sealed record DoraWeek(DateOnly Start, DoraMetrics Metrics);
