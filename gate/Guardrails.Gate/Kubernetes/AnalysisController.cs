namespace Guardrails.Gate.Kubernetes;

/// <summary>The progressive-delivery controller an analysis is written for.</summary>
public enum AnalysisController
{
    /// <summary>Argo Rollouts: an <c>AnalysisTemplate</c> and an example <c>Rollout</c> step.</summary>
    Argo,

    /// <summary>Flagger: a <c>MetricTemplate</c> per SLO and an example <c>Canary</c> analysis.</summary>
    Flagger,
}
