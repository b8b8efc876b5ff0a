using System;
using Spectre.Console.Cli;

namespace Guardrails.Cli.Commands.Validate;

/// <summary><c>guardrails validate [PATH...]</c>: the build's SLO and runbook checks, from the command line.</summary>
public sealed class ValidateCommand : Command<ValidateSettings>
{
    public override int Execute(CommandContext context, ValidateSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return new ValidateRun(Console.Out, Console.Error).Execute(settings);
    }
}
