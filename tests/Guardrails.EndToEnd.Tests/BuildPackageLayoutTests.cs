using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Runtime.InteropServices;
using Guardrails.EndToEnd.Tests.Infrastructure;

namespace Guardrails.EndToEnd.Tests;

/// <summary>
/// The Guardrails.Build package carries everything its task loads: Visual Studio's MSBuild (.NET Framework)
/// and `dotnet build` (.NET) each find the task's dependencies next to it, and the consumer inherits nothing.
/// </summary>
public sealed class BuildPackageLayoutTests
{
    private static readonly string[] HostAssemblyPrefixes = ["Microsoft.Build"];

    private static readonly string[] MSBuildEntryPoints =
    [
        "build/Guardrails.Build.props",
        "build/Guardrails.Build.targets",
        "buildMultiTargeting/Guardrails.Build.props",
        "buildMultiTargeting/Guardrails.Build.targets",
        "tasks/net472/Guardrails.Build.dll",
        "tasks/net8.0/Guardrails.Build.dll",
    ];

    [Test]
    public void The_package_has_props_targets_for_single_and_multi_targeted_projects_and_no_lib_folder()
    {
        var entries = PackageEntries();

        Assert.That(entries, Is.SupersetOf(MSBuildEntryPoints));
        Assert.That(entries, Has.None.StartsWith("lib/"));
    }

    [Test]
    public void Every_assembly_the_net472_task_references_is_in_its_folder_or_in_the_net_framework()
    {
        // Packing Guardrails.Build for net472 restored the .NET Framework reference assemblies.
        var package = PackagePath();
        var framework = Path.Combine(NuGetPackageRoot(), "microsoft.netframework.referenceassemblies.net472", "1.0.3", "build", ".NETFramework", "v4.7.2");
        var frameworkAssemblies = AssemblyNamesIn(framework).Concat(AssemblyNamesIn(Path.Combine(framework, "Facades")));

        Assert.That(UnresolvedReferences(package, "net472", frameworkAssemblies), Is.Empty);
    }

    [Test]
    public void Every_assembly_the_net8_task_references_is_in_its_folder_or_in_the_shared_framework()
    {
        var frameworkAssemblies = AssemblyNamesIn(RuntimeEnvironment.GetRuntimeDirectory());

        Assert.That(UnresolvedReferences(PackagePath(), "net8.0", frameworkAssemblies), Is.Empty);
    }

    private static List<string> UnresolvedReferences(string packagePath, string framework, IEnumerable<string> frameworkAssemblies)
    {
        var folder = Directory.CreateTempSubdirectory("guardrails-tasks-").FullName;
        try
        {
            using (var package = ZipFile.OpenRead(packagePath))
            {
                foreach (var entry in package.Entries.Where(entry => entry.FullName.StartsWith($"tasks/{framework}/", StringComparison.Ordinal)))
                {
                    entry.ExtractToFile(Path.Combine(folder, entry.Name));
                }
            }

            var available = AssemblyNamesIn(folder).Concat(frameworkAssemblies).ToHashSet(StringComparer.OrdinalIgnoreCase);
            Assert.That(available, Does.Contain("Guardrails.Slo").And.Contain("YamlDotNet").And.Contain("Markdig"));
            return Directory.EnumerateFiles(folder, "*.dll")
                .SelectMany(dll => ReferencesOf(dll).Select(reference => (Assembly: Path.GetFileName(dll), Reference: reference)))
                .Where(pair => !available.Contains(pair.Reference) && !HostAssemblyPrefixes.Any(prefix => pair.Reference.StartsWith(prefix, StringComparison.Ordinal)))
                .Select(pair => $"{pair.Assembly} -> {pair.Reference}")
                .ToList();
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static List<string> ReferencesOf(string assemblyPath)
    {
        using var stream = File.OpenRead(assemblyPath);
        using var reader = new PEReader(stream);
        var metadata = reader.GetMetadataReader();
        return metadata.AssemblyReferences.Select(handle => metadata.GetString(metadata.GetAssemblyReference(handle).Name)).ToList();
    }

    private static IEnumerable<string> AssemblyNamesIn(string folder) =>
        Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder, "*.dll").Select(path => Path.GetFileNameWithoutExtension(path)!)
            : throw new DirectoryNotFoundException($"{folder} does not exist; restore the test project first.");

    private static List<string> PackageEntries()
    {
        using var package = ZipFile.OpenRead(PackagePath());
        return [.. package.Entries.Select(entry => entry.FullName)];
    }

    private static string PackagePath()
    {
        var feed = PackageFeed.Current;
        return Path.Combine(feed.Folder, $"Guardrails.Build.{feed.Version}.nupkg");
    }

    private static string NuGetPackageRoot() =>
        Environment.GetEnvironmentVariable("NUGET_PACKAGES")
        ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
}
