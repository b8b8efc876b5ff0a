using System;
using System.IO;
using Guardrails.Cli.Gate;

namespace Guardrails.Cli.Tests.Gate.Integration;

/// <summary>Reports like the real progress, and runs an action after a given read (to stop Prometheus mid-gate).</summary>
internal sealed class KillingProgress : IGateProgress
{
    private readonly PlainGateProgress inner;
    private readonly int afterRead;
    private readonly Action action;

    public KillingProgress(TextWriter output, int samples, int afterRead, Action action)
    {
        inner = new PlainGateProgress(output, samples);
        this.afterRead = afterRead;
        this.action = action;
    }

    public void ReadTaken(GateRead read, GateAnalysis tally)
    {
        inner.ReadTaken(read, tally);
        if (read.Number == afterRead)
        {
            action();
        }
    }

    public void Decided(GateDecision decision) => inner.Decided(decision);
}
