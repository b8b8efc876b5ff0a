using System;
using Spectre.Console.Cli;

namespace Guardrails.Cli.Commands.Delivery;

/// <summary><c>guardrails wip</c>; see <see cref="WipRun"/> and docs/delivery.md.</summary>
internal sealed class WipCommand : Command<WipSettings>
{
    public override int Execute(CommandContext context, WipSettings settings) =>
        new WipRun(Console.Out, Console.Error, TimeProvider.System).Run(settings);
}
