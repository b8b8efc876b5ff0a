using System.Collections.Generic;

namespace Guardrails.Cli.Gate;

/// <summary>What one probe of the canary returned, already classified, with the numbers behind it.</summary>
internal sealed record ProbeReading(ReadKind Kind, double? RequestsPerSecond, IReadOnlyList<SloMeasurement> Measurements, string Detail);
