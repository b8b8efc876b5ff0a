using System;
using System.Reflection;

namespace Guardrails.Cli;

/// <summary>
/// The tool's version, from the assembly's informational version (MinVer's SemVer, with +build metadata), or
/// when a build did not stamp one, its assembly version, said as such: never an unexplained "unknown".
/// </summary>
internal static class CliVersion
{
    private static readonly Assembly Tool = typeof(CliVersion).Assembly;

    /// <summary>What <c>guardrails --version</c> prints.</summary>
    public static string Text { get; } = Informational() ?? $"{Tool.GetName().Version} (assembly version; this build has no informational version)";

    /// <summary>The release the tool belongs to: the informational version without build metadata, else the assembly version.</summary>
    public static string Release { get; } = WithoutMetadata(Informational()) ?? Tool.GetName().Version!.ToString(3);

    private static string? Informational() =>
        Tool.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion is { Length: > 0 } version ? version : null;

    private static string? WithoutMetadata(string? version)
    {
        if (version is null)
        {
            return null;
        }

        var metadata = version.IndexOf('+', StringComparison.Ordinal);
        return metadata < 0 ? version : version[..metadata];
    }
}
