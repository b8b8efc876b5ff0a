using System;
using System.Collections.Generic;

namespace Guardrails.Gate.Record;

/// <summary>One read as recorded: kind is good, bad, no-data or error.</summary>
public sealed record DeploymentRead(
    int Number,
    DateTimeOffset Timestamp,
    string Kind,
    double? RequestsPerSecond,
    IReadOnlyList<DeploymentMeasurement> Measurements,
    string Detail);

/// <summary>One SLO's error ratio and burn rate in a read.</summary>
public sealed record DeploymentMeasurement(string Slo, double? ErrorRatio, double? BurnRate);
