using System;
using Spectre.Console.Cli;

namespace Guardrails.Cli.Commands.Delivery;

/// <summary><c>guardrails dora</c>; see <see cref="DoraRun"/> and docs/delivery.md.</summary>
internal sealed class DoraCommand : Command<DoraSettings>
{
    public override int Execute(CommandContext context, DoraSettings settings) =>
        new DoraRun(Console.Out, Console.Error, TimeProvider.System).Run(settings);
}
