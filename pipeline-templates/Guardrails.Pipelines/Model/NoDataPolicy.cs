namespace Guardrails.Pipelines.Model;

/// <summary>What the gate decides when Prometheus has no data or too little traffic for the canary.</summary>
public enum NoDataPolicy
{
    Fail,
    Pass,
    Inconclusive,
}
