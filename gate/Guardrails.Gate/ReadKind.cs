namespace Guardrails.Gate;

/// <summary>What one read of the canary's burn rate showed.</summary>
public enum ReadKind
{
    /// <summary>Every burn rate at or under the maximum, with enough traffic to mean something.</summary>
    Good,

    /// <summary>A burn rate over the maximum.</summary>
    Bad,

    /// <summary>No result, or traffic under the floor: handled by the no-data policy.</summary>
    NoData,

    /// <summary>The query failed (timeout, connection, HTTP error, unreadable answer): says nothing about the canary.</summary>
    Error,
}
