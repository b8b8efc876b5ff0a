using System.ComponentModel;
using Spectre.Console.Cli;

namespace Guardrails.Cli.Commands.Templates;

/// <summary>Options shared by <c>templates emit</c> and <c>templates bundle</c>: the pipeline model's values.</summary>
public class TemplateSettings : CommandSettings
{
    [CommandOption("--version <VERSION>")]
    [Description("Version stamped in every file and installed as Guardrails.Cli by the gate (default: this CLI's version).")]
    public string? Version { get; init; }

    [CommandOption("--traffic-steps <PERCENTS>")]
    [Description("Default traffic steps, comma-separated percentages ending at 100 (default: 10,25,50,100).")]
    public string? TrafficSteps { get; init; }

    [CommandOption("--bake-minutes <MINUTES>")]
    [Description("Default extra bake time per step in minutes, on top of the gate's warm-up (default: 0).")]
    public int? BakeMinutes { get; init; }

    [CommandOption("--adapters <NAMES>")]
    [Description("Traffic adapters to support, comma-separated: nginx, azure-app-service, script (default: all).")]
    public string? Adapters { get; init; }

    [CommandOption("--templates-repository <REPOSITORY>")]
    [Description("Repository the templates are released to (default: guardrails-dotnet/guardrails-templates).")]
    public string? TemplatesRepository { get; init; }
}
