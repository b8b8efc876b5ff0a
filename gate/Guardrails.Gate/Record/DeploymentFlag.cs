using System;

namespace Guardrails.Gate.Record;

/// <summary>
/// A feature flag the rollback's kill switch handled: <c>turned-off</c> when it was on, <c>already-off</c> when
/// it was off already (a second rollback), in one environment of one project of a flag service.
/// </summary>
public sealed record DeploymentFlag(string Provider, string Flag, string Project, string Environment, string Result, DateTimeOffset At);
