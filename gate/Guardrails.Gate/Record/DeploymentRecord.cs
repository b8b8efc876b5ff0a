using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace Guardrails.Gate.Record;

/// <summary>
/// The JSON deployment record (<c>--record FILE</c>): one per service version, one step per gate run,
/// every read with its time and values. DORA reporting reads it (change failure rate, time to restore),
/// so its shape is a contract: add fields, never rename or remove them. <see cref="Flags"/> lists the feature
/// flags the rollback turned off (absent when none were).
/// </summary>
public sealed record DeploymentRecord(
    int SchemaVersion,
    string Service,
    string Version,
    string Decision,
    string Reason,
    IReadOnlyList<DeploymentStep> Steps,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<DeploymentFlag>? Flags = null)
{
    public const int CurrentSchemaVersion = 1;
}
