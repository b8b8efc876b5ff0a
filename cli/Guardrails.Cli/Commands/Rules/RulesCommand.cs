using System;
using Spectre.Console.Cli;

namespace Guardrails.Cli.Commands.Rules;

/// <summary><c>guardrails rules [PATH...] --out DIR</c>; see <see cref="RuleGeneration"/>.</summary>
internal sealed class RulesCommand : Command<RulesSettings>
{
    public override int Execute(CommandContext context, RulesSettings settings) =>
        new RuleGeneration(Console.Out, Console.Error).Run(settings);
}
