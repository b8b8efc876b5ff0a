using System.Collections.Generic;

namespace Guardrails.Pipelines.Model;

/// <summary>
/// The stages of the canary release, in order. Each stage waits for every stage before it; the emitters
/// turn them into GitHub Actions jobs, and into the hooks of an Azure Pipelines canary deployment job.
/// </summary>
public static class CanaryStages
{
    public static CanaryStage CheckSettings { get; } = new("plan", "Check the canary settings", StageTrigger.AfterSuccess);

    public static CanaryStage DeployCanary { get; } = new("deploy-canary", "Deploy the canary with no traffic", StageTrigger.AfterSuccess);

    /// <summary>Route, bake and gate, once per traffic step.</summary>
    public static CanaryStage TrafficSteps { get; } = new("traffic", "Canary traffic step", StageTrigger.AfterSuccess);

    public static CanaryStage Promote { get; } = new("promote", "Promote the canary", StageTrigger.AfterSuccess);

    public static CanaryStage Rollback { get; } = new("rollback", "Roll back the canary", StageTrigger.AfterFailureOrCancellation);

    public static CanaryStage Record { get; } = new("record", "Record the outcome", StageTrigger.Always);

    public static IReadOnlyList<CanaryStage> All { get; } = [CheckSettings, DeployCanary, TrafficSteps, Promote, Rollback, Record];
}
