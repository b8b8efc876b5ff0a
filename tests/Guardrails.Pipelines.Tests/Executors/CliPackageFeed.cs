using System;
using System.IO;
using Guardrails.Testing;

namespace Guardrails.Pipelines.Tests.Executors;

/// <summary>
/// The folder holding the packed Guardrails.Cli tool and its version, which the emitted gate action installs.
/// The Cake build packs first and passes GUARDRAILS_PACKAGES and GUARDRAILS_VERSION (as for the end-to-end
/// tests); a plain <c>dotnet test</c> packs the CLI once per run into a temporary folder.
/// </summary>
internal sealed class CliPackageFeed
{
    private static readonly Lazy<CliPackageFeed> LazyCurrent = new(Locate);

    private CliPackageFeed(string folder, string version)
    {
        Folder = folder;
        Version = version;
    }

    public static CliPackageFeed Current => LazyCurrent.Value;

    public string Folder { get; }

    public string Version { get; }

    /// <summary>A nuget.config for the caller's repository: the gate action's <c>dotnet tool install</c> reads it.</summary>
    public string NuGetConfig() => $"""
        <?xml version="1.0" encoding="utf-8"?>
        <configuration>
          <packageSources>
            <clear />
            <add key="guardrails" value="{Folder}" />
          </packageSources>
        </configuration>
        """;

    private static CliPackageFeed Locate()
    {
        var directory = Environment.GetEnvironmentVariable("GUARDRAILS_PACKAGES");
        var version = Environment.GetEnvironmentVariable("GUARDRAILS_VERSION");
        if (!string.IsNullOrEmpty(directory) && !string.IsNullOrEmpty(version))
        {
            var expected = Path.Combine(directory, $"Guardrails.Cli.{version}.nupkg");
            if (!File.Exists(expected))
            {
                throw new InvalidOperationException(
                    $"GUARDRAILS_PACKAGES/GUARDRAILS_VERSION point at {expected}, which does not exist. Run ./build.sh --target Pack.");
            }

            return new CliPackageFeed(directory, version);
        }

        var output = ScratchFolders.Create("guardrails-cli-feed-");
        var packed = $"0.0.0-executors.{DateTime.UtcNow:yyyyMMddHHmmss}";
        var outcome = ProcessRunner.Run(
            "dotnet",
            ["pack", RepositoryLayout.PathOf("cli", "Guardrails.Cli", "Guardrails.Cli.csproj"), "-c", "Release", "-o", output, $"-p:MinVerVersionOverride={packed}", "-nologo"],
            RepositoryLayout.Root,
            TimeSpan.FromMinutes(10));
        Assert.That(outcome.ExitCode, Is.Zero, "Packing Guardrails.Cli failed:\n" + outcome.Output);
        return new CliPackageFeed(output, packed);
    }
}
