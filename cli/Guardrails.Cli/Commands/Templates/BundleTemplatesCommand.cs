using System;
using Guardrails.Pipelines.Bundle;
using Spectre.Console.Cli;

namespace Guardrails.Cli.Commands.Templates;

/// <summary><c>guardrails templates bundle --out DIR</c>: writes the release zip with its manifest.</summary>
public sealed class BundleTemplatesCommand : Command<BundleTemplatesSettings>
{
    public override int Execute(CommandContext context, BundleTemplatesSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var generation = PipelineFromSettings.Generate(settings);
        if (!generation.Succeeded)
        {
            PipelineFromSettings.Report(generation.Findings);
            return Program.UsageErrorExitCode;
        }

        Console.Out.WriteLine(TemplateBundleWriter.Write(generation.Files, generation.Version, settings.Out));
        return 0;
    }
}
