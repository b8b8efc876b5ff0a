using System;
using System.IO;
using Guardrails.Pipelines;
using Spectre.Console.Cli;

namespace Guardrails.Cli.Commands.Templates;

/// <summary><c>guardrails templates emit --out DIR</c>: writes the canary templates as a templates repository.</summary>
public sealed class EmitTemplatesCommand : Command<EmitTemplatesSettings>
{
    public override int Execute(CommandContext context, EmitTemplatesSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var generation = PipelineFromSettings.Generate(settings);
        if (!generation.Succeeded)
        {
            PipelineFromSettings.Report(generation.Findings);
            return Program.UsageErrorExitCode;
        }

        foreach (var path in TemplateFileWriter.Write(generation.Files, settings.Out))
        {
            Console.Out.WriteLine(Path.GetRelativePath(Environment.CurrentDirectory, path));
        }

        return 0;
    }
}
