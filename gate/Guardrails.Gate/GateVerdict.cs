namespace Guardrails.Gate;

/// <summary>The gate's answer; each maps to the exit code the pipeline branches on.</summary>
public enum GateVerdict
{
    Promote = 0,
    RollBack = 1,
    Inconclusive = 3,
}
