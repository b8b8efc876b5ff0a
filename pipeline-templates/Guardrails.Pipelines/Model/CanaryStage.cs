namespace Guardrails.Pipelines.Model;

/// <summary>One stage of the canary: its identifier (a GitHub Actions job id), its title, and when it runs.</summary>
public sealed record CanaryStage(string Id, string Title, StageTrigger RunsWhen);
