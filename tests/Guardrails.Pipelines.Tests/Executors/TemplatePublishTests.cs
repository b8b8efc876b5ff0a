using System;
using System.IO;
using System.IO.Compression;
using System.Linq;
using Guardrails.Pipelines.Bundle;
using Guardrails.Pipelines.Model;
using Guardrails.Testing;

namespace Guardrails.Pipelines.Tests.Executors;

/// <summary>
/// Publishing a bundle to a templates repository (a local bare one here) and importing the release the way
/// docs/templates.md tells users to: the workflow and the gate action at the tag's commit SHA, the Azure stage
/// template from a repository resource at refs/tags/v....
/// </summary>
[NonParallelizable]
public sealed class TemplatePublishTests
{
    private const string Version = "1.4.0";

    [Test]
    public void A_published_tag_holds_exactly_the_bundle_and_is_never_moved()
    {
        var (bundle, repository) = BundleAndBareRepository(Version);

        var release = TemplateRepositoryPublisher.Publish(bundle, repository, ScratchFolders.Create());

        var checkout = Clone(repository, release.CommitSha);
        using (var zip = ZipFile.OpenRead(bundle))
        {
            var published = Directory.EnumerateFiles(checkout, "*", SearchOption.AllDirectories)
                .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}.git{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
                .Select(path => Path.GetRelativePath(checkout, path).Replace(Path.DirectorySeparatorChar, '/'))
                .Order(StringComparer.Ordinal)
                .ToList();
            Assert.That(published, Is.EqualTo(zip.Entries.Select(entry => entry.FullName).Order(StringComparer.Ordinal)));
            foreach (var entry in zip.Entries)
            {
                using var reader = new StreamReader(entry.Open());
                Assert.That(File.ReadAllText(Path.Combine(checkout, entry.FullName)), Is.EqualTo(reader.ReadToEnd()), entry.FullName);
            }
        }

        Assert.Multiple(() =>
        {
            Assert.That(release.Tag, Is.EqualTo("v1.4.0"));
            Assert.That(Git(repository, "rev-parse", "refs/tags/v1.4.0^{commit}").Trim(), Is.EqualTo(release.CommitSha));
            Assert.That(Git(repository, "rev-parse", "refs/heads/main").Trim(), Is.EqualTo(release.CommitSha), "the default branch carries the release");
            var again = Assert.Throws<TemplatePublishException>(() => TemplateRepositoryPublisher.Publish(bundle, repository, ScratchFolders.Create()));
            Assert.That(again!.Message, Does.Contain("already has the tag v1.4.0"));
        });
    }

    [Test]
    public void A_development_version_or_a_bundle_that_does_not_match_its_manifest_is_refused()
    {
        var (development, repository) = BundleAndBareRepository("0.0.0-alpha.0.12");
        var refused = Assert.Throws<TemplatePublishException>(() => TemplateRepositoryPublisher.Publish(development, repository, ScratchFolders.Create()));
        Assert.That(refused!.Message, Does.Contain("0.0.0-alpha.0.12 is a development build"));

        var (bundle, _) = BundleAndBareRepository(Version);
        using (var zip = ZipFile.Open(bundle, ZipArchiveMode.Update))
        {
            var entry = zip.GetEntry("azure/steps/gate.yml")!;
            entry.Delete();
            using var writer = new StreamWriter(zip.CreateEntry("azure/steps/gate.yml").Open());
            writer.Write("# changed after bundling\n");
        }

        var tampered = Assert.Throws<TemplatePublishException>(() => TemplateRepositoryPublisher.Publish(bundle, repository, ScratchFolders.Create()));
        Assert.Multiple(() =>
        {
            Assert.That(tampered!.Message, Does.Contain("azure/steps/gate.yml has SHA-256"));
            Assert.That(Git(repository, "tag", "--list"), Is.Empty, "nothing was published");
        });
    }

    [Test]
    public void A_healthy_canary_runs_from_the_release_imported_by_commit_sha()
    {
        var (bundle, repository) = BundleAndBareRepository(Version);
        var release = TemplateRepositoryPublisher.Publish(bundle, repository, ScratchFolders.Create());
        var imported = Clone(repository, release.CommitSha);
        using var canary = new CanaryRelease(_ => 0.0005);
        var inputs = canary.Inputs("100");
        inputs["templates-ref"] = release.CommitSha;

        var outcome = canary.RunGitHub(inputs, Path.Combine(imported, ".github", "workflows", "guardrails-canary.yml"), repository);

        Assert.That(outcome.ExitCode, Is.Zero, outcome.Log);
        Assert.Multiple(() =>
        {
            Assert.That(canary.CallSequence, Is.EqualTo("deploy | route 100 | promote"), outcome.Log);
            Assert.That(outcome.Output("result"), Is.EqualTo("promoted"));
            Assert.That(outcome.Log, Does.Contain($"checked out {CanaryRelease.TemplatesRepository}@{release.CommitSha}"));
        });
    }

    [Test]
    public void A_healthy_canary_runs_on_Azure_from_the_release_imported_by_tag_ref()
    {
        var (bundle, repository) = BundleAndBareRepository(Version);
        var release = TemplateRepositoryPublisher.Publish(bundle, repository, ScratchFolders.Create());
        using var canary = new CanaryRelease(_ => 0.0005);

        var outcome = canary.RunAzure(canary.AzureParameters([100]), repository, "refs/tags/" + release.Tag);

        Assert.That(outcome.ExitCode, Is.Zero, outcome.Log);
        Assert.Multiple(() =>
        {
            Assert.That(canary.CallSequence, Is.EqualTo("deploy | route 100 | promote"), outcome.Log);
            Assert.That(outcome.PipelineResult, Is.EqualTo("succeeded"));
            Assert.That(outcome.Log, Does.Contain($"checked out {CanaryRelease.TemplatesRepository}@refs/tags/v{Version} ({release.CommitSha})"));
        });
    }

    private static (string Bundle, string Repository) BundleAndBareRepository(string version)
    {
        ExternalTool.Require("git", "Install git.");
        var generation = PipelineTemplateGenerator.Generate(new CanaryPipeline { Version = version, TemplatesRepository = CanaryRelease.TemplatesRepository }, "tests");
        Assert.That(generation.Findings, Is.Empty);
        var bundle = TemplateBundleWriter.Write(generation.Files, version, ScratchFolders.Create("guardrails-bundle-"));
        var repository = Path.Combine(ScratchFolders.Create("guardrails-templates-remote-"), "guardrails-templates.git");
        Git(Path.GetDirectoryName(repository)!, "init", "--quiet", "--bare", "--initial-branch=main", repository);
        return (bundle, repository);
    }

    private static string Clone(string repository, string commit)
    {
        var directory = Path.Combine(ScratchFolders.Create("guardrails-import-"), "templates");
        Git(Path.GetDirectoryName(directory)!, "clone", "--quiet", repository, directory);
        Git(directory, "-c", "advice.detachedHead=false", "checkout", "--quiet", commit);
        return directory;
    }

    private static string Git(string directory, params string[] arguments)
    {
        var outcome = ProcessRunner.Run("git", arguments, directory, TimeSpan.FromMinutes(1));
        Assert.That(outcome.ExitCode, Is.Zero, $"git {string.Join(' ', arguments)}: {outcome.Output}");
        return outcome.Output;
    }
}
