using Guardrails.Diagnostics;
using Guardrails.Gate.PromQl;
using Guardrails.Slo.Prometheus;
using Guardrails.Slo.Prometheus.Rules;

namespace Guardrails.Gate;

/// <summary>
/// The PromQL that measures one SLO on the canary: the SLI's queries with the short window rendered into
/// Sloth's <c>{{.window}}</c> (by the same renderer as the rule generator, so <c>{{ .window }}</c> works too)
/// and the canary selector injected into every vector selector, each aggregated to one value (<c>sum</c>
/// for event rates; <c>max</c>, the worst case, for a raw ratio). Burn rate = error ratio / error budget,
/// the budget being 1 − objective. <see cref="Source"/> is where the SLO is defined, for error messages.
/// </summary>
public sealed record CanaryBurnRateQuery(string SloName, double ErrorBudget, string? ErrorsQuery, string? TotalQuery, string? ErrorRatioQuery, SourceSpan? Source = null)
{
    /// <summary>The canary's queries for <paramref name="slo"/> over <paramref name="window"/>, restricted by <paramref name="selector"/>.</summary>
    /// <exception cref="PromQlSyntaxException">An SLI query cannot be restricted to the canary.</exception>
    public static CanaryBurnRateQuery For(PrometheusSlo slo, PrometheusDuration window, LabelSelector selector)
    {
        System.ArgumentNullException.ThrowIfNull(slo);
        var budget = 1 - slo.Objective;
        return slo.Sli switch
        {
            SliQuery.Events events => new CanaryBurnRateQuery(
                slo.Name,
                budget,
                Aggregate("sum", events.ErrorQuery, window, selector),
                Aggregate("sum", events.TotalQuery, window, selector),
                null,
                slo.Source),
            SliQuery.Raw raw => new CanaryBurnRateQuery(slo.Name, budget, null, null, Aggregate("max", raw.ErrorRatioQuery, window, selector), slo.Source),
            _ => throw new PromQlSyntaxException("the SLI is neither an events nor a raw query", 0),
        };
    }

    /// <summary>A query restricted to the canary the same way, for the traffic floor of a raw SLI.</summary>
    public static string Restrict(string query, PrometheusDuration window, LabelSelector selector) => Aggregate("sum", query, window, selector);

    private static string Aggregate(string aggregation, string query, PrometheusDuration window, LabelSelector selector) =>
        aggregation + "(" + CanarySelectorInjector.Inject(SliQueryRenderer.WithWindow(query, window.Text), selector) + ")";
}
