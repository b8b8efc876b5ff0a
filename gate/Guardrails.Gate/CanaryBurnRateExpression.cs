using System.Globalization;

namespace Guardrails.Gate;

/// <summary>
/// One PromQL expression whose value is the burn rate a gate read computes from the same restricted queries,
/// for the controllers that take a single query (Argo Rollouts, Flagger). It keeps the read's rules: no error
/// series means zero errors, no traffic (total not above 0) means no result, and under the traffic floor there
/// is no result either. Tests hold it equal to the read on a real Prometheus.
/// </summary>
public static class CanaryBurnRateExpression
{
    /// <param name="trafficQuery">The read's traffic query (already restricted and aggregated), or null for no floor.</param>
    public static string For(CanaryBurnRateQuery query, string? trafficQuery, TrafficFloor floor)
    {
        var errorRatio = query.ErrorRatioQuery ?? $"(({query.ErrorsQuery}) or vector(0)) / (({query.TotalQuery}) > 0)";
        var burnRate = $"({errorRatio}) / {Number(query.ErrorBudget)}";
        return trafficQuery is null ? burnRate : $"({burnRate}) and ({floor.Condition(trafficQuery)})";
    }

    /// <summary>Round-trip digits, so Prometheus divides by the very double the gate divides by.</summary>
    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
