using System;
using Spectre.Console.Cli;

namespace Guardrails.Cli.Commands.Delivery;

/// <summary><c>guardrails pr-size</c>; see <see cref="PrSizeRun"/> and docs/delivery.md.</summary>
internal sealed class PrSizeCommand : Command<PrSizeSettings>
{
    public override int Execute(CommandContext context, PrSizeSettings settings) =>
        new PrSizeRun(Console.Out, Console.Error).Run(settings);
}
