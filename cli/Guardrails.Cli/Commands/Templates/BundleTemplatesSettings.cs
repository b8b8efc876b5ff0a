using System.ComponentModel;
using Spectre.Console.Cli;

namespace Guardrails.Cli.Commands.Templates;

public sealed class BundleTemplatesSettings : TemplateSettings
{
    [CommandOption("--out <DIR>")]
    [Description("Folder for guardrails-templates-<version>.zip (default: artifacts/pipeline-templates).")]
    public string Out { get; init; } = "artifacts/pipeline-templates";
}
