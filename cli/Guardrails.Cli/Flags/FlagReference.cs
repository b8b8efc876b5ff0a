namespace Guardrails.Cli.Flags;

/// <summary>One feature flag in one environment of one project, as the kill switch names it.</summary>
internal sealed record FlagReference(string Flag, string Project, string Environment);
