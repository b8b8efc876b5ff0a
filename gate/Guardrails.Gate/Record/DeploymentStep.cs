using System;
using System.Collections.Generic;

namespace Guardrails.Gate.Record;

/// <summary>One gate run: the settings it used, its reads, and its decision.</summary>
public sealed record DeploymentStep(
    string Step,
    IReadOnlyList<string> Slos,
    string Selector,
    string Window,
    double MaxBurnRate,
    int MinRequests,
    int Samples,
    int FailureLimit,
    int ErrorLimit,
    int InconclusiveLimit,
    string OnNoData,
    double IntervalSeconds,
    DateTimeOffset StartedAt,
    DateTimeOffset FinishedAt,
    string Decision,
    string Reason,
    IReadOnlyList<DeploymentRead> Reads);
