using System.ComponentModel;
using Spectre.Console.Cli;

namespace Guardrails.Cli.Commands.Templates;

public sealed class PublishTemplatesSettings : CommandSettings
{
    [CommandOption("--bundle <ZIP>")]
    [Description("The release bundle guardrails-templates-<version>.zip written by `templates bundle`.")]
    public string? Bundle { get; init; }

    [CommandOption("--templates-repository <REPOSITORY>")]
    [Description("The templates git repository (URL or path) to publish to: its default branch gets the files and the tag vX.Y.Z.")]
    public string? TemplatesRepository { get; init; }
}
