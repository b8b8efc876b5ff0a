namespace Guardrails.Gate;

/// <summary>What a read without data (empty result, traffic under the floor) counts as.</summary>
public enum NoDataPolicy
{
    /// <summary>A bad read: counts toward the failure limit (fail closed; the default).</summary>
    Fail,

    /// <summary>A good read: for services whose canary may legitimately see no traffic.</summary>
    Pass,

    /// <summary>An inconclusive read: past the inconclusive limit the gate ends inconclusive for a human to decide.</summary>
    Inconclusive,
}
