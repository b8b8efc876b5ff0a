namespace Guardrails.Gate;

/// <summary>Where the gate reports as it goes: a line per read, then the decision.</summary>
public interface IGateProgress
{
    void ReadTaken(GateRead read, GateAnalysis tally);

    void Decided(GateDecision decision);
}
