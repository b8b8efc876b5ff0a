using System;
using System.Collections.Generic;
using System.IO;
using Guardrails.Testing;

namespace Guardrails.EndToEnd.Tests.Infrastructure;

/// <summary>
/// A copy of a sample consumer project in a temporary folder, outside this repository so none of its
/// build settings leak in, restored from the packed Guardrails nupkgs through its own nuget.config and a
/// package folder of its own (a re-packed version can never be served from a stale cache).
/// Samples reference the packages as <c>Version="$(GuardrailsVersion)"</c>.
/// </summary>
public sealed class ConsumerWorkspace : IDisposable
{
    private static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(5);

    private ConsumerWorkspace(string root, PackageFeed feed)
    {
        Root = root;
        Feed = feed;
    }

    public string Root { get; }

    public PackageFeed Feed { get; }

    /// <summary>Copies <c>samples/&lt;sampleName&gt;</c> to a new temporary folder.</summary>
    public static ConsumerWorkspace FromSample(string sampleName)
    {
        var source = RepositoryLayout.PathOf("samples", sampleName);
        if (!Directory.Exists(source))
        {
            throw new DirectoryNotFoundException($"No sample at {source}.");
        }

        var feed = PackageFeed.Current;
        var root = Directory.CreateTempSubdirectory("guardrails-consumer-").FullName;
        CopyDirectory(source, root);
        File.WriteAllText(Path.Combine(root, "nuget.config"), NuGetConfig(feed.Folder));
        return new ConsumerWorkspace(root, feed);
    }

    public void WriteFile(string relativePath, string content)
    {
        var path = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
    }

    public string ReadFile(string relativePath) => File.ReadAllText(Path.Combine(Root, relativePath));

    /// <summary>Runs <c>dotnet build</c> and returns its distinct errors and warnings.</summary>
    public BuildResult Build(params string[] extraArguments)
    {
        var log = Path.Combine(Root, "build-diagnostics.log");
        var arguments = new List<string>
        {
            "build",
            "-nologo",
            "-v:n",
            $"-p:GuardrailsVersion={Feed.Version}",
            $"-p:RestorePackagesPath={Path.Combine(Root, ".packages")}",
            $"-flp:LogFile={log};Verbosity=quiet",
        };
        arguments.AddRange(extraArguments);
        var outcome = ProcessRunner.Run(
            "dotnet",
            arguments,
            Root,
            BuildTimeout,
            new Dictionary<string, string?> { ["MSBUILDDISABLENODEREUSE"] = "1", ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1" });
        var diagnostics = MSBuildDiagnosticParser.Parse(File.ReadLines(log), Root);
        return new BuildResult(outcome.ExitCode, diagnostics, outcome.Output);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A build server may still hold a file; the OS cleans the temporary folder later.
        }
    }

    private static string NuGetConfig(string feedFolder) => $"""
        <?xml version="1.0" encoding="utf-8"?>
        <configuration>
          <packageSources>
            <clear />
            <add key="guardrails-under-test" value="{feedFolder}" />
            <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
          </packageSources>
          <packageSourceMapping>
            <packageSource key="guardrails-under-test">
              <package pattern="Guardrails.*" />
            </packageSource>
            <packageSource key="nuget.org">
              <package pattern="*" />
            </packageSource>
          </packageSourceMapping>
        </configuration>
        """;

    private static void CopyDirectory(string source, string destination)
    {
        foreach (var directory in Directory.EnumerateDirectories(source, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(source, directory);
            if (IsBuildOutput(relative))
            {
                continue;
            }

            Directory.CreateDirectory(Path.Combine(destination, relative));
        }

        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(source, file);
            if (!IsBuildOutput(relative))
            {
                File.Copy(file, Path.Combine(destination, relative));
            }
        }
    }

    private static bool IsBuildOutput(string relativePath)
    {
        var segments = relativePath.Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
        return Array.Exists(segments, segment => segment is "bin" or "obj");
    }
}
