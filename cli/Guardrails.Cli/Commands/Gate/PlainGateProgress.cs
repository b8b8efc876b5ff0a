using System.IO;
using Guardrails.Gate;

namespace Guardrails.Cli.Commands.Gate;

/// <summary>One plain line per read and one for the decision: what CI logs keep and people grep.</summary>
internal sealed class PlainGateProgress : IGateProgress
{
    private readonly TextWriter output;
    private readonly int samples;

    public PlainGateProgress(TextWriter output, int samples)
    {
        this.output = output;
        this.samples = samples;
    }

    public void ReadTaken(GateRead read, GateAnalysis tally) => output.WriteLine(
        $"gate: read {read.Number}/{samples} at {GateReadFormatter.Timestamp(read.Timestamp)}: {GateReadFormatter.KindWord(read.Kind)}, {GateReadFormatter.Traffic(read)}; {read.Detail} [{GateReadFormatter.Tally(tally)}]");

    public void Decided(GateDecision decision) => output.WriteLine($"gate: decision: {GateReadFormatter.VerdictWord(decision.Verdict)}: {decision.Reason}");
}
