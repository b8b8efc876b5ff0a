namespace Guardrails.Cli.Kubernetes;

/// <summary>One emitted manifest file: its name under the output directory and its YAML.</summary>
internal sealed record AnalysisFile(string Name, string Text);
