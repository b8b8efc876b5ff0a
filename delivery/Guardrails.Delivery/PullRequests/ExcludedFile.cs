namespace Guardrails.Delivery.PullRequests;

/// <summary>A changed file left out of the size, and why (binary, lock file, generated, -diff).</summary>
public sealed record ExcludedFile(string Path, string Reason);
