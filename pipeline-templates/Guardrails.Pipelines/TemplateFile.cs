namespace Guardrails.Pipelines;

/// <summary>An emitted file: its path in a templates repository (forward slashes) and its text.</summary>
public sealed record TemplateFile(string RelativePath, string Content);
