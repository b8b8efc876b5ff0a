using System;
using System.IO;
using System.Linq;
using Guardrails.Pipelines.Bundle;
using Guardrails.Pipelines.Model;
using Guardrails.Testing;

namespace Guardrails.Pipelines.Tests;

/// <summary>
/// The emitted files match the reviewed copies under Golden/ byte for byte, and emitting twice gives the
/// same bytes. After an intended change, regenerate with GUARDRAILS_UPDATE_GOLDEN=1 and review the diff.
/// </summary>
public sealed class GoldenFileTests
{
    private static readonly string GoldenDirectory = RepositoryLayout.PathOf("tests", "Guardrails.Pipelines.Tests", "Golden");

    private static TestCaseData[] Files => [.. EmittedTemplates.Files.Select(file => new TestCaseData(file).SetArgDisplayNames(file.RelativePath))];

    [TestCaseSource(nameof(Files))]
    public void Emitted_file_matches_its_golden_copy(TemplateFile file)
    {
        var golden = Path.Combine(GoldenDirectory, file.RelativePath.Replace('/', Path.DirectorySeparatorChar));
        if (GoldenFileUpdate.Requested)
        {
            TemplateFileWriter.Write([file], GoldenDirectory);
        }

        Assert.That(golden, Does.Exist, "Run the tests once with GUARDRAILS_UPDATE_GOLDEN=1 and review the new file.");
        Assert.That(file.Content, Is.EqualTo(File.ReadAllText(golden)));
    }

    [Test]
    public void Golden_folder_holds_no_file_the_generator_no_longer_emits()
    {
        var emitted = EmittedTemplates.Files.Select(file => file.RelativePath).ToHashSet(StringComparer.Ordinal);
        var golden = Directory.EnumerateFiles(GoldenDirectory, "*", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(GoldenDirectory, path).Replace(Path.DirectorySeparatorChar, '/'));

        Assert.That(golden.Where(path => !emitted.Contains(path)), Is.Empty);
    }

    [Test]
    public void The_same_model_and_version_give_byte_identical_files_and_bundles()
    {
        var first = PipelineTemplateGenerator.Generate(new CanaryPipeline { Version = "2.0.0" }, "tests");
        var second = PipelineTemplateGenerator.Generate(new CanaryPipeline { Version = "2.0.0" }, "tests");
        Assert.That(second.Files, Is.EqualTo(first.Files));

        var one = TemplateBundleWriter.Write(first.Files, "2.0.0", ScratchFolders.Create());
        var two = TemplateBundleWriter.Write(second.Files, "2.0.0", ScratchFolders.Create());
        Assert.That(File.ReadAllBytes(two), Is.EqualTo(File.ReadAllBytes(one)));
    }

    [Test]
    public void A_new_version_changes_only_the_version_stamps()
    {
        var older = PipelineTemplateGenerator.Generate(new CanaryPipeline { Version = "1.0.0" }, "tests").Files;
        var newer = PipelineTemplateGenerator.Generate(new CanaryPipeline { Version = "1.1.0" }, "tests").Files;

        Assert.That(newer.Select(file => file.Content.Replace("1.1.0", "1.0.0", StringComparison.Ordinal)), Is.EqualTo(older.Select(file => file.Content)));
        Assert.That(newer.Select(file => file.Content), Is.All.Contain("1.1.0"));
    }
}
