using System.ComponentModel;
using Spectre.Console.Cli;

namespace Guardrails.Cli.Commands.Rules;

internal sealed class RulesSettings : CommandSettings
{
    [CommandArgument(0, "[PATH]")]
    [Description("SLO files or folders (searched recursively for *.yaml and *.yml). Default: slo")]
    public string[] Paths { get; init; } = [];

    [CommandOption("-o|--out <DIR>")]
    [Description("Folder the rule files are written to, one <service>.rules.yml per service (created if missing)")]
    public string? OutputDirectory { get; init; }

    [CommandOption("--runbook-base-url <URL>")]
    [Description("Put in front of relative runbook links in the alerts, so Alertmanager can open them, e.g. https://github.com/org/repo/blob/main/")]
    public string? RunbookBaseUrl { get; init; }

    [CommandOption("--spec-only")]
    [Description("Check the files against their format only (no team policy), as sloth validate does")]
    public bool SpecOnly { get; init; }
}
