using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Guardrails.Testing;

namespace Guardrails.EndToEnd.Tests.Infrastructure;

/// <summary>
/// The folder of freshly packed Guardrails nupkgs and their one shared version. The Cake build packs first
/// and points the tests at <c>artifacts/packages</c> through GUARDRAILS_PACKAGES and GUARDRAILS_VERSION;
/// a plain <c>dotnet test</c> packs once per run into a temporary folder with a version of its own, so a
/// test never picks up a stale package. Only the packages the samples reference are packed there: packing the
/// whole solution (the CLI and every test project built along) took most of a 9-minute local run.
/// </summary>
public sealed partial class PackageFeed
{
    private static readonly Lazy<PackageFeed> LazyCurrent = new(Locate);

    /// <summary>The projects of the packages the samples reference: Guardrails.Analyzers and Guardrails.Build.</summary>
    private static readonly string[][] PackagesTheSamplesReference =
    [
        ["analyzers", "Guardrails.Analyzers.Package", "Guardrails.Analyzers.Package.csproj"],
        ["msbuild", "Guardrails.Build", "Guardrails.Build.csproj"],
    ];

    private PackageFeed(string folder, string version)
    {
        Folder = folder;
        Version = version;
    }

    public static PackageFeed Current => LazyCurrent.Value;

    public string Folder { get; }

    public string Version { get; }

    [GeneratedRegex(@"^Guardrails\.Analyzers\.(?<version>\d+\.\d+\.\d+.*)\.nupkg$")]
    private static partial Regex AnalyzerPackageName();

    private static PackageFeed Locate()
    {
        var directory = Environment.GetEnvironmentVariable("GUARDRAILS_PACKAGES");
        var version = Environment.GetEnvironmentVariable("GUARDRAILS_VERSION");
        if (!string.IsNullOrEmpty(directory) && !string.IsNullOrEmpty(version))
        {
            var expected = Path.Combine(directory, $"Guardrails.Analyzers.{version}.nupkg");
            if (!File.Exists(expected))
            {
                throw new InvalidOperationException(
                    $"GUARDRAILS_PACKAGES/GUARDRAILS_VERSION point at {expected}, which does not exist. Run ./build.sh --target Pack.");
            }

            return new PackageFeed(directory, version);
        }

        return PackIntoTemporaryFolder();
    }

    private static PackageFeed PackIntoTemporaryFolder()
    {
        var output = Directory.CreateTempSubdirectory("guardrails-feed-").FullName;
        var version = $"0.0.0-e2e.{DateTime.UtcNow:yyyyMMddHHmmss}";
        foreach (var project in PackagesTheSamplesReference)
        {
            var outcome = ProcessRunner.Run(
                "dotnet",
                ["pack", RepositoryLayout.PathOf(project), "-c", "Release", "-o", output, $"-p:MinVerVersionOverride={version}", "-nologo"],
                RepositoryLayout.Root,
                TimeSpan.FromMinutes(10));
            if (outcome.ExitCode != 0)
            {
                throw new InvalidOperationException($"Packing {Path.Combine(project)} failed:\n" + outcome.Output);
            }
        }

        var packed = Directory.EnumerateFiles(output, "Guardrails.Analyzers.*.nupkg")
            .Select(path => AnalyzerPackageName().Match(Path.GetFileName(path)))
            .Single(match => match.Success);
        return new PackageFeed(output, packed.Groups["version"].Value);
    }
}
