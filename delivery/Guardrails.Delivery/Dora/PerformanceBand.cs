namespace Guardrails.Delivery.Dora;

public enum PerformanceBand
{
    Elite,
    High,
    Medium,
    Low,
}
