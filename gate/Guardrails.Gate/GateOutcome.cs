using System;
using System.Collections.Generic;

namespace Guardrails.Gate;

/// <summary>The gate's decision and every read that led to it.</summary>
public sealed record GateOutcome(GateDecision Decision, DateTimeOffset StartedAt, DateTimeOffset FinishedAt, IReadOnlyList<GateRead> Reads);
