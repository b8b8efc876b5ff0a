using System.Collections.Generic;
using Guardrails.Pipelines.Model;

namespace Guardrails.Pipelines.Adapters;

/// <summary>
/// Moves traffic between the stable release and the canary. One bash program serves every operation:
/// it reads the operation and every setting from environment variables (GUARDRAILS_OPERATION,
/// GUARDRAILS_TRAFFIC_PERCENT and the adapter's inputs), so no caller value is ever part of its text.
/// </summary>
public abstract class TrafficAdapter
{
    private protected TrafficAdapter()
    {
    }

    public abstract TrafficAdapterKind Kind { get; }

    /// <summary>The value of the <c>adapter</c> input that selects this adapter.</summary>
    public abstract string Name { get; }

    /// <summary>The adapter's own inputs; all of them must be set when the adapter is chosen.</summary>
    public abstract IReadOnlyList<TemplateInput> Settings { get; }

    /// <summary>The bash program; every operation, rollback above all, is safe to run twice.</summary>
    public abstract string Script { get; }
}
