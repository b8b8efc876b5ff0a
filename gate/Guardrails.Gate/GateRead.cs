using System;
using System.Collections.Generic;

namespace Guardrails.Gate;

/// <summary>One read as it goes into the progress log and the deployment record.</summary>
public sealed record GateRead(
    int Number,
    DateTimeOffset Timestamp,
    ReadKind Kind,
    double? RequestsPerSecond,
    IReadOnlyList<SloMeasurement> Measurements,
    string Detail);
