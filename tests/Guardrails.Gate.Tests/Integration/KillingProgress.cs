using System;
using System.IO;
using Guardrails.Cli.Commands.Gate;
using Guardrails.Gate;

namespace Guardrails.Gate.Tests.Integration;

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
