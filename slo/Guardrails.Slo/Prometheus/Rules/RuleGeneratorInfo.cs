using System.Reflection;

namespace Guardrails.Slo.Prometheus.Rules;

/// <summary>
/// Who generated the rules, recorded on <c>sloth_slo_info</c> and in the file header.
/// </summary>
/// <param name="Version">The Guardrails version (Sloth's <c>sloth_version</c> label).</param>
/// <param name="Mode">Sloth's <c>sloth_mode</c>; <c>cli-gen-prom</c> is what Sloth's own CLI writes.</param>
public sealed record RuleGeneratorInfo(string Version, string Mode = RuleGeneratorInfo.CommandLineMode)
{
    public const string CommandLineMode = "cli-gen-prom";

    /// <summary>
    /// This library's version, which the MSBuild task and the CLI both stamp on their rules, so the two write the
    /// same bytes for the same SLOs.
    /// </summary>
    public static RuleGeneratorInfo Current { get; } = new(FromInformationalVersion(
        typeof(RuleGeneratorInfo).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion));

    /// <summary>
    /// The version without build metadata: <c>1.2.3+8f2c1ab</c> is <c>1.2.3</c>, so the rules of one release do not
    /// change with each commit's hash (SemVer ignores build metadata for precedence too).
    /// </summary>
    public static string FromInformationalVersion(string? informationalVersion)
    {
        var version = (informationalVersion ?? string.Empty).Trim();
        var metadata = version.IndexOf('+');
        version = metadata < 0 ? version : version.Substring(0, metadata);
        return version.Length == 0 ? "0.0.0" : version;
    }
}
