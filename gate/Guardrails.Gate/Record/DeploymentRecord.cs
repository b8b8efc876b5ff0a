using System.Collections.Generic;

namespace Guardrails.Gate.Record;

/// <summary>
/// The JSON deployment record (<c>--record FILE</c>): one per service version, one step per gate run,
/// every read with its time and values. DORA reporting reads it (change failure rate, time to restore),
/// so its shape is a contract: add fields, never rename or remove them.
/// </summary>
public sealed record DeploymentRecord(
    int SchemaVersion,
    string Service,
    string Version,
    string Decision,
    string Reason,
    IReadOnlyList<DeploymentStep> Steps)
{
    public const int CurrentSchemaVersion = 1;
}
