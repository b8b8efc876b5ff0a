namespace Guardrails.Gate;

/// <summary>The verdict and the sentence that explains it, for the log and the deployment record.</summary>
public sealed record GateDecision(GateVerdict Verdict, string Reason);
