using System;
using System.Linq;
using Spectre.Console.Cli;

namespace Guardrails.Cli.Commands.Validate;

/// <summary><c>guardrails validate [PATH...]</c>: the build's SLO and runbook checks, from the command line.</summary>
public sealed class ValidateCommand : Command<ValidateSettings>
{
    public override int Execute(CommandContext context, ValidateSettings settings)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(settings);
        // Spectre.Console.Cli keeps options it does not know as "remaining arguments"; a misspelt
        // --spec-only must not silently run the full check.
        var unknownOptions = context.Remaining.Parsed.Select(option => option.Key).ToList();
        return new ValidateRun(Console.Out, Console.Error).Execute(settings, unknownOptions);
    }
}
