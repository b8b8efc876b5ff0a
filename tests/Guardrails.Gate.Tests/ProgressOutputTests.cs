using System;
using System.IO;
using Guardrails.Cli.Commands.Gate;
using Guardrails.Gate;
using Spectre.Console;

namespace Guardrails.Gate.Tests;

public sealed class ProgressOutputTests
{
    private static readonly GateRead BadRead = new(
        2,
        new DateTimeOffset(2026, 11, 27, 10, 0, 30, TimeSpan.Zero),
        ReadKind.Error,
        null,
        [],
        "Prometheus answered HTTP 422 (execution: sum(rate(x{track=\"canary\"}[5m])) [too many samples])");

    [Test]
    public void Plain_lines_carry_the_read_its_time_the_tally_and_the_decision()
    {
        using var output = new StringWriter();
        var progress = new PlainGateProgress(output, 10);
        var tally = new GateAnalysis(new AnalysisLimits(10, 0, 4, 0, NoDataPolicy.Fail));
        tally.Record(ReadKind.Error);

        progress.ReadTaken(BadRead, tally);
        progress.Decided(new GateDecision(GateVerdict.RollBack, "enough"));

        Assert.That(output.ToString().ReplaceLineEndings("\n"), Is.EqualTo(
            "gate: read 2/10 at 10:00:30.000Z: query failed, traffic unknown; " + BadRead.Detail + " [good 0, bad 0, failed 1, inconclusive 0]\n"
            + "gate: decision: roll back: enough\n"));
    }

    [Test]
    public void The_terminal_output_shows_details_with_brackets_as_text()
    {
        using var output = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors, Out = new AnsiConsoleOutput(output) });
        console.Profile.Width = 500;
        var progress = new TerminalGateProgress(console, 10);

        progress.ReadTaken(BadRead, new GateAnalysis(new AnalysisLimits(10, 0, 4, 0, NoDataPolicy.Fail)));
        progress.Decided(new GateDecision(GateVerdict.Promote, "all [good]"));

        Assert.That(output.ToString(), Does.Contain("[5m])) [too many samples])").And.Contain("read 2/10").And.Contain("promote: all [good]"));
    }
}
