using System.Collections.Generic;
using System.Linq;
using Guardrails.Pipelines.Model;

namespace Guardrails.Pipelines.Adapters;

/// <summary>The adapters a pipeline enables, in the order of its model.</summary>
public static class TrafficAdapters
{
    private static readonly IReadOnlyList<TrafficAdapter> All =
        [new NginxIngressAdapter(), new AppServiceSlotAdapter(), new ScriptAdapter()];

    public static IReadOnlyList<TrafficAdapter> For(CanaryPipeline pipeline) =>
        [.. pipeline.Adapters.Distinct().Select(kind => All.Single(adapter => adapter.Kind == kind))];

    public static TrafficAdapter? Named(string name) => All.SingleOrDefault(adapter => adapter.Name == name);
}
