namespace Guardrails.Slo.Prometheus.Rules;

/// <summary>
/// Who generated the rules, recorded on <c>sloth_slo_info</c> and in the file header.
/// </summary>
/// <param name="Version">The Guardrails version (Sloth's <c>sloth_version</c> label).</param>
/// <param name="Mode">Sloth's <c>sloth_mode</c>; <c>cli-gen-prom</c> is what Sloth's own CLI writes.</param>
public sealed record RuleGeneratorInfo(string Version, string Mode = RuleGeneratorInfo.CommandLineMode)
{
    public const string CommandLineMode = "cli-gen-prom";
}
