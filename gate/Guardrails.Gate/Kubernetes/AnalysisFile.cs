namespace Guardrails.Gate.Kubernetes;

/// <summary>One emitted manifest file: its name under the output directory and its YAML.</summary>
public sealed record AnalysisFile(string Name, string Text);
