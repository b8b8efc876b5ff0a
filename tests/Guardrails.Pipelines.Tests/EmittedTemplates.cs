using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Guardrails.Pipelines.Model;

namespace Guardrails.Pipelines.Tests;

/// <summary>The templates of a fixed release, emitted once per test run and written to a temporary folder.</summary>
internal static class EmittedTemplates
{
    public const string Version = "1.2.3";

    private static readonly Lazy<IReadOnlyList<TemplateFile>> LazyFiles = new(() =>
    {
        var generation = PipelineTemplateGenerator.Generate(new CanaryPipeline { Version = Version }, "tests");
        Assert.That(generation.Findings, Is.Empty);
        return generation.Files;
    });

    private static readonly Lazy<string> LazyDirectory = new(() =>
    {
        var directory = ScratchFolders.Create("guardrails-templates-");
        TemplateFileWriter.Write(Files, directory);
        return directory;
    });

    public static IReadOnlyList<TemplateFile> Files => LazyFiles.Value;

    /// <summary>A folder laid out as the templates repository, for tools that read files.</summary>
    public static string Directory => LazyDirectory.Value;

    public static string PathOf(TemplateFile file) => Path.Combine(Directory, file.RelativePath.Replace('/', Path.DirectorySeparatorChar));

    public static IEnumerable<TemplateFile> GitHubWorkflows => Files.Where(file => file.RelativePath.StartsWith(".github/workflows/", StringComparison.Ordinal));

    public static IEnumerable<TemplateFile> GitHubFiles => Files.Where(file => file.RelativePath.StartsWith(".github/", StringComparison.Ordinal));

    public static IEnumerable<TemplateFile> AzureFiles => Files.Where(file => file.RelativePath.StartsWith("azure/", StringComparison.Ordinal));
}
