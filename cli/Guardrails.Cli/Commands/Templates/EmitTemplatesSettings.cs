using System.ComponentModel;
using Spectre.Console.Cli;

namespace Guardrails.Cli.Commands.Templates;

public sealed class EmitTemplatesSettings : TemplateSettings
{
    [CommandOption("--out <DIR>")]
    [Description("Folder to write the templates repository layout into (.github/..., azure/...).")]
    public string Out { get; init; } = string.Empty;

    public override Spectre.Console.ValidationResult Validate() =>
        string.IsNullOrWhiteSpace(Out)
            ? Spectre.Console.ValidationResult.Error("--out <DIR> is required: the folder to write the templates into.")
            : Spectre.Console.ValidationResult.Success();
}
