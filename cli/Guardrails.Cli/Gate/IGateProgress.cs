namespace Guardrails.Cli.Gate;

/// <summary>Where the gate reports as it goes: a line per read, then the decision.</summary>
internal interface IGateProgress
{
    void ReadTaken(GateRead read, GateAnalysis tally);

    void Decided(GateDecision decision);
}
