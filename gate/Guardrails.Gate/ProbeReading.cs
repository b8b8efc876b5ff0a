using System.Collections.Generic;

namespace Guardrails.Gate;

/// <summary>What one probe of the canary returned, already classified, with the numbers behind it.</summary>
public sealed record ProbeReading(ReadKind Kind, double? RequestsPerSecond, IReadOnlyList<SloMeasurement> Measurements, string Detail);
