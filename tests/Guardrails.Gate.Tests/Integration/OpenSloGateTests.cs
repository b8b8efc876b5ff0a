using System.Linq;
using System.Threading.Tasks;

namespace Guardrails.Gate.Tests.Integration;

/// <summary>The gate on an OpenSLO file: the SLI referenced by name, and a latency SLO checked at every read.</summary>
public sealed class OpenSloGateTests
{
    private const string OpenSlo = """
        apiVersion: openslo/v1
        kind: Service
        metadata:
          name: checkout
        spec:
          description: Takes payments.
        ---
        apiVersion: openslo/v1
        kind: SLI
        metadata:
          name: checkout-success
        spec:
          ratioMetric:
            counter: true
            good:
              metricSource:
                type: Prometheus
                spec:
                  query: sum(rate(http_requests_total{service="checkout",code!~"5.."}[5m]))
            total:
              metricSource:
                type: Prometheus
                spec:
                  query: sum(rate(http_requests_total{service="checkout"}[5m]))
        ---
        apiVersion: openslo/v1
        kind: SLO
        metadata:
          name: checkout-availability
          annotations:
            guardrails.dev/category: availability
        spec:
          service: checkout
          indicatorRef: checkout-success
          budgetingMethod: Occurrences
          timeWindow:
            - duration: 28d
              isRolling: true
          objectives:
            - target: 0.999
        ---
        apiVersion: openslo/v1
        kind: SLO
        metadata:
          name: checkout-latency
          annotations:
            guardrails.dev/category: latency
        spec:
          service: checkout
          indicator:
            metadata:
              name: checkout-fast
            spec:
              ratioMetric:
                counter: true
                bad:
                  metricSource:
                    type: Prometheus
                    spec:
                      query: sum(rate(http_request_duration_seconds_count{service="checkout"}[5m])) - sum(rate(http_request_duration_seconds_bucket{service="checkout",le="0.3"}[5m]))
                total:
                  metricSource:
                    type: Prometheus
                    spec:
                      query: sum(rate(http_request_duration_seconds_count{service="checkout"}[5m]))
          budgetingMethod: Occurrences
          timeWindow:
            - duration: 30d
              isRolling: true
          objectives:
            - targetPercent: 99
        """;

    [Test]
    public async Task Every_query_of_both_slos_is_restricted_to_the_canary_and_uses_the_gate_window()
    {
        using var files = new SloFiles();
        var slo = files.Write("checkout.yaml", OpenSlo);
        using var server = new FakePrometheus(_ => FakeAnswer.Ok(10));

        var run = await GateCommandRun.OfAsync(
            "--slo", slo, "--slo-name", "checkout-availability", "--latency-slo-name", "checkout-latency",
            "--prometheus", server.Address.ToString(), "--selector", "track=\"canary\",zone=\"eu\"", "--window", "2m",
            "--samples", "1", "--max-burn-rate", "5000", "--warm-up", "0");

        var queries = server.Queries.ToList();
        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(0), run.ToString());
            Assert.That(queries, Has.Count.EqualTo(5), "traffic, then total and errors of each SLO");
            Assert.That(queries, Has.All.Contains("[2m]").And.All.Not.Contains("[5m]"));
            Assert.That(queries.Select(query => query.Split('{').Length - 1), Is.EqualTo(queries.Select(query => CountOf(query, "{track=\"canary\",zone=\"eu\",service=\"checkout\""))));
            Assert.That(run.Output, Does.Contain("checkout-availability burn rate").And.Contain("checkout-latency burn rate"));
        });
    }

    private static int CountOf(string text, string part) => (text.Length - text.Replace(part, string.Empty, System.StringComparison.Ordinal).Length) / part.Length;
}
