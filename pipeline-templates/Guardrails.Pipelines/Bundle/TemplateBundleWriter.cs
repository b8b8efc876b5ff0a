using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Guardrails.Pipelines.Bundle;

/// <summary>
/// Writes the release bundle <c>guardrails-templates-&lt;version&gt;.zip</c>: the files laid out as a templates
/// repository (<c>.github/workflows</c>, <c>.github/actions</c>, <c>azure</c>) and <c>manifest.json</c> listing each
/// file with its SHA-256. Entries are sorted and carry a fixed timestamp, so the same files give the same zip.
/// </summary>
public static class TemplateBundleWriter
{
    public const string ManifestName = "manifest.json";

    /// <summary>ZIP cannot store dates before 1980; any fixed date makes the archive reproducible.</summary>
    private static readonly DateTimeOffset EntryTimestamp = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly JsonSerializerOptions ManifestJson = new() { WriteIndented = true };

    public static string BundleFileName(string version) => $"guardrails-templates-{version}.zip";

    public static string Write(IReadOnlyList<TemplateFile> files, string version, string outputDirectory)
    {
        ArgumentNullException.ThrowIfNull(files);
        Directory.CreateDirectory(outputDirectory);
        var path = Path.Combine(outputDirectory, BundleFileName(version));
        var ordered = files.OrderBy(file => file.RelativePath, StringComparer.Ordinal).ToList();
        var manifest = new BundleManifest(
            version,
            [.. ordered.Select(file => new BundleManifestEntry(file.RelativePath, Sha256(file.Content)))]);

        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write);
        using var zip = new ZipArchive(stream, ZipArchiveMode.Create);
        foreach (var file in ordered)
        {
            AddEntry(zip, file.RelativePath, file.Content);
        }

        AddEntry(zip, ManifestName, JsonSerializer.Serialize(manifest, ManifestJson).ReplaceLineEndings("\n") + "\n");
        return path;
    }

    public static string Sha256(string content) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(content))).ToLowerInvariant();

    private static void AddEntry(ZipArchive zip, string name, string content)
    {
        var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
        entry.LastWriteTime = EntryTimestamp;
        using var writer = new StreamWriter(entry.Open(), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        writer.Write(content);
    }
}
