namespace Guardrails.Slo.Files;

/// <summary>
/// SLO files found outside where a project looked: a folder such as the repository root's <c>slo/</c>, or one
/// file. <see cref="AtRepositoryRoot"/> when the folder (or the file) sits directly in the folder holding <c>.git</c>.
/// </summary>
public sealed record SloLookalike(string Path, bool IsFolder, bool AtRepositoryRoot);
