using System.ComponentModel;
using Guardrails.Cli.Commands.Gate;
using Spectre.Console.Cli;

namespace Guardrails.Cli.Commands.Analysis;

/// <summary>
/// The options of <c>guardrails analysis</c>: the gate's own options (same names, same defaults, same checks)
/// plus the controller and the output directory. docs/kubernetes.md documents each one.
/// </summary>
internal sealed class AnalysisCommandSettings : GateCommandSettings
{
    [CommandOption("--for <CONTROLLER>")]
    [Description("argo (an Argo Rollouts AnalysisTemplate and an example Rollout) or flagger (Flagger MetricTemplates and an example Canary).")]
    public string? For { get; set; }

    [CommandOption("--out <DIR>")]
    [Description("Directory the manifests are written to; created when missing.")]
    public string? Out { get; set; }
}
