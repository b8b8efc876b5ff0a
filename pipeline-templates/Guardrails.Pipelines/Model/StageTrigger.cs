namespace Guardrails.Pipelines.Model;

/// <summary>When a stage of the canary runs, relative to the stages before it.</summary>
public enum StageTrigger
{
    /// <summary>Only when every stage before it succeeded.</summary>
    AfterSuccess,

    /// <summary>When a stage before it failed or was cancelled, once a deploy was attempted.</summary>
    AfterFailureOrCancellation,

    /// <summary>Whatever happened before, cancellation included.</summary>
    Always,
}
