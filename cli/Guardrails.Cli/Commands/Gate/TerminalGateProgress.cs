using Guardrails.Gate;
using Spectre.Console;

namespace Guardrails.Cli.Commands.Gate;

/// <summary>The same lines as <see cref="PlainGateProgress"/>, coloured by outcome, for a person at a terminal.</summary>
internal sealed class TerminalGateProgress : IGateProgress
{
    private readonly IAnsiConsole console;
    private readonly int samples;

    public TerminalGateProgress(IAnsiConsole console, int samples)
    {
        this.console = console;
        this.samples = samples;
    }

    public void ReadTaken(GateRead read, GateAnalysis tally)
    {
        var colour = read.Kind switch
        {
            ReadKind.Good => "green",
            ReadKind.Bad => "red",
            ReadKind.NoData => "yellow",
            _ => "orange1",
        };
        console.MarkupLine(
            $"[grey]{GateReadFormatter.Timestamp(read.Timestamp)}[/] read [bold]{read.Number}/{samples}[/] "
            + $"[{colour}]{Markup.Escape(GateReadFormatter.KindWord(read.Kind))}[/] {Markup.Escape(GateReadFormatter.Traffic(read))}; "
            + $"{Markup.Escape(read.Detail)} [grey]{Markup.Escape(GateReadFormatter.Tally(tally))}[/]");
    }

    public void Decided(GateDecision decision)
    {
        var colour = decision.Verdict switch
        {
            GateVerdict.Promote => "green",
            GateVerdict.RollBack => "red",
            _ => "yellow",
        };
        console.MarkupLine($"[bold {colour}]{Markup.Escape(GateReadFormatter.VerdictWord(decision.Verdict))}[/]: {Markup.Escape(decision.Reason)}");
    }
}
