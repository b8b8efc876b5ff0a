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
/// test never picks up a stale package.
/// </summary>
public sealed partial class PackageFeed
{
    private static readonly Lazy<PackageFeed> LazyCurrent = new(Locate);

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
        var outcome = ProcessRunner.Run(
            "dotnet",
            ["pack", RepositoryLayout.PathOf("Guardrails.Build.sln"), "-c", "Release", "-o", output, $"-p:MinVerVersionOverride={version}", "-nologo"],
            RepositoryLayout.Root,
            TimeSpan.FromMinutes(10));
        if (outcome.ExitCode != 0)
        {
            throw new InvalidOperationException("Packing the Guardrails packages failed:\n" + outcome.Output);
        }

        var packed = Directory.EnumerateFiles(output, "Guardrails.Analyzers.*.nupkg")
            .Select(path => AnalyzerPackageName().Match(Path.GetFileName(path)))
            .Single(match => match.Success);
        return new PackageFeed(output, packed.Groups["version"].Value);
    }
}
