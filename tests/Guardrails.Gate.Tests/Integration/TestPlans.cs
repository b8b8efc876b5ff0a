using System;
using Guardrails.Gate;
using Guardrails.Gate.PromQl;
using Guardrails.Gate.Prometheus;
using Guardrails.Slo.Prometheus;

namespace Guardrails.Gate.Tests.Integration;

/// <summary>Gate plans for the timeline's services, with short windows and intervals so tests finish quickly.</summary>
internal static class TestPlans
{
    public static readonly LabelSelector Canary = LabelSelector.Parse("track=\"canary\"");

    /// <summary>99.9 % of requests without a 5xx: an error budget of 0.1 %.</summary>
    public static PrometheusSlo Availability(string service) => new()
    {
        Service = service,
        Name = "availability",
        Objective = 0.999,
        Category = SloCategory.Availability,
        Sli = new SliQuery.Events(
            $"sum(rate(http_requests_total{{service=\"{service}\",code=~\"5..\"}}[{SliQuery.WindowPlaceholder}]))",
            $"sum(rate(http_requests_total{{service=\"{service}\"}}[{SliQuery.WindowPlaceholder}]))"),
    };

    public static GatePlan For(string service, Uri prometheus, string window = "1m", int samples = 5, NoDataPolicy onNoData = NoDataPolicy.Fail)
    {
        if (!PrometheusDuration.TryParse(window, out var duration))
        {
            throw new ArgumentException("not a duration: " + window, nameof(window));
        }

        var query = CanaryBurnRateQuery.For(Availability(service), duration, Canary);
        return new GatePlan(
            service,
            "1.2.3",
            null,
            [query],
            query.TotalQuery,
            MaxBurnRate: 14.4,
            MinRequests: 60,
            new AnalysisLimits(samples, FailureLimit: 0, ErrorLimit: 2, InconclusiveLimit: 0, onNoData),
            new GateSchedule(TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(20)),
            duration,
            Canary.MatcherList,
            new PrometheusConnection(prometheus, null, null),
            new QueryResilience(TimeSpan.FromSeconds(2), Retries: 1, RetryDelay: TimeSpan.FromMilliseconds(50)),
            null);
    }
}
