namespace Guardrails.Gate;

/// <summary>One SLO's error ratio and burn rate in one read; null where the query returned nothing.</summary>
public sealed record SloMeasurement(string Slo, double? ErrorRatio, double? BurnRate);
