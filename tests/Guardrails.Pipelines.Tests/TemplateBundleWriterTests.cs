using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text.Json;
using Guardrails.Pipelines.Bundle;

namespace Guardrails.Pipelines.Tests;

public sealed class TemplateBundleWriterTests
{
    private static readonly string[] RepositoryLayoutEntries =
    [
            ".github/actions/guardrails-gate/action.yml",
            ".github/workflows/guardrails-canary.yml",
            ".github/workflows/guardrails-dora-report.yml",
            ".github/workflows/guardrails-pull-request.yml",
            "azure/canary-stage.yml",
            "azure/steps/check-settings.yml",
            "azure/steps/dora-report.yml",
            "azure/steps/gate.yml",
            "azure/steps/pull-request-checks.yml",
            "azure/steps/traffic.yml",
            "manifest.json",
    ];

    [Test]
    public void Bundle_is_laid_out_as_a_templates_repository_with_a_manifest_of_sha256_hashes()
    {
        var path = TemplateBundleWriter.Write(EmittedTemplates.Files, EmittedTemplates.Version, ScratchFolders.Create());

        Assert.That(Path.GetFileName(path), Is.EqualTo("guardrails-templates-1.2.3.zip"));
        using var zip = ZipFile.OpenRead(path);
        Assert.That(zip.Entries.Select(entry => entry.FullName), Is.EqualTo(RepositoryLayoutEntries));

        using var manifestStream = zip.GetEntry(TemplateBundleWriter.ManifestName)!.Open();
        var manifest = JsonSerializer.Deserialize<BundleManifest>(manifestStream)!;
        Assert.That(manifest.Version, Is.EqualTo(EmittedTemplates.Version));
        foreach (var entry in manifest.Files)
        {
            using var reader = new StreamReader(zip.GetEntry(entry.Path)!.Open());
            var hash = TemplateBundleWriter.Sha256(reader.ReadToEnd());
            Assert.That(entry.Sha256, Is.EqualTo(hash).And.Match("^[0-9a-f]{64}$"), entry.Path);
        }
    }
}
