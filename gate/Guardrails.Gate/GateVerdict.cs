namespace Guardrails.Gate;

/// <summary>The gate's answer; each is the exit code the pipeline branches on.</summary>
public enum GateVerdict
{
    Promote = GateExitCodes.Promote,
    RollBack = GateExitCodes.RollBack,
    Inconclusive = GateExitCodes.Inconclusive,
}
