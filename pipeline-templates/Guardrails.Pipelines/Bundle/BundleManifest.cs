using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace Guardrails.Pipelines.Bundle;

/// <summary>What a release bundle holds: its version and every file with its SHA-256.</summary>
public sealed record BundleManifest(
    [property: JsonPropertyName("version")] string Version,
    [property: JsonPropertyName("files")] IReadOnlyList<BundleManifestEntry> Files);
