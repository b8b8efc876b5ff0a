using Guardrails.Gate;
using Guardrails.Slo.Prometheus;

namespace Guardrails.Gate.Tests;

/// <summary>The traffic floor counts requests over the window, so the defaults let a 1 req/s service through (docs/gate.md).</summary>
public sealed class TrafficFloorTests
{
    private static readonly TrafficFloor DefaultFloor = new(GateDefaults.MinRequests, PrometheusDuration.Parse(GateDefaults.Window));

    // 1 req/s in total, 10 % to the canary at the first step: 0.1 req/s × 300 s = 30 requests over the default 5m window.
    [Test]
    public void A_service_at_one_request_per_second_clears_the_default_floor_at_a_ten_percent_step()
    {
        Assert.Multiple(() =>
        {
            Assert.That(DefaultFloor.RequestsInWindow(1 * 0.10), Is.EqualTo(30).Within(1e-9));
            Assert.That(DefaultFloor.IsMetBy(1 * 0.10), Is.True);
        });
    }

    // The lowest total traffic whose 10 % step clears the floor: 10 / (0.1 × 300) = 0.333 req/s.
    [TestCase(0.34, true)]
    [TestCase(0.33, false)]
    public void The_floor_is_ten_requests_over_the_window(double totalRequestsPerSecond, bool met) =>
        Assert.That(DefaultFloor.IsMetBy(totalRequestsPerSecond * 0.10), Is.EqualTo(met));

    [TestCase(null)]
    [TestCase(double.NaN)]
    public void Unknown_traffic_never_clears_the_floor_even_a_floor_of_zero(double? requestsPerSecond) =>
        Assert.That(new TrafficFloor(0, PrometheusDuration.Parse("5m")).IsMetBy(requestsPerSecond), Is.False);

    [Test]
    public void The_promql_condition_multiplies_the_rate_by_the_windows_seconds()
    {
        var floor = new TrafficFloor(25, PrometheusDuration.Parse("1m30s"));

        Assert.Multiple(() =>
        {
            Assert.That(floor.Condition("sum(rate(x[1m30s]))"), Is.EqualTo("((sum(rate(x[1m30s]))) * 90) >= 25"));
            Assert.That(floor.Shortfall(0.2), Is.EqualTo("18 requests in the 1m30s window (0.2 req/s), under the floor of --min-requests 25"));
        });
    }
}
