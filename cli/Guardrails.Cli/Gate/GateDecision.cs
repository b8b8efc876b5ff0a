namespace Guardrails.Cli.Gate;

/// <summary>The verdict and the sentence that explains it, for the log and the deployment record.</summary>
internal sealed record GateDecision(GateVerdict Verdict, string Reason);
