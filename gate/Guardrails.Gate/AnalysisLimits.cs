namespace Guardrails.Gate;

/// <summary>
/// The Argo Rollouts analysis knobs: <c>count</c> (<see cref="Samples"/>), <c>failureLimit</c>,
/// <c>inconclusiveLimit</c>, and an error limit. A limit is the number of such reads tolerated: the gate
/// ends when it is exceeded, so 0 means the first one ends it.
/// </summary>
public sealed record AnalysisLimits(int Samples, int FailureLimit, int ErrorLimit, int InconclusiveLimit, NoDataPolicy OnNoData);
