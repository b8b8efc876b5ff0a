namespace Guardrails.Slo.Prometheus;

/// <summary>What a SLO measures, for the team policy "every service has an availability and a latency SLO".</summary>
public enum SloCategory
{
    Unspecified,
    Availability,
    Latency,
    Other,
}
