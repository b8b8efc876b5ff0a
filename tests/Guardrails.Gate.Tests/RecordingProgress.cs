using System.Collections.Generic;
using Guardrails.Gate;

namespace Guardrails.Gate.Tests;

internal sealed class RecordingProgress : IGateProgress
{
    public List<GateRead> Reads { get; } = [];

    public List<GateDecision> Decisions { get; } = [];

    public void ReadTaken(GateRead read, GateAnalysis tally) => Reads.Add(read);

    public void Decided(GateDecision decision) => Decisions.Add(decision);
}
