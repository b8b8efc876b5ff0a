using System.Text.Json.Serialization;

namespace Guardrails.Pipelines.Bundle;

/// <summary>One file of a release bundle.</summary>
public sealed record BundleManifestEntry(
    [property: JsonPropertyName("path")] string Path,
    [property: JsonPropertyName("sha256")] string Sha256);
