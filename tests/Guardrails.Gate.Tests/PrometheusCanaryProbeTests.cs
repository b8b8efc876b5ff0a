using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Guardrails.Gate;
using Guardrails.Gate.Prometheus;
using Guardrails.Slo.Prometheus;
using Polly;

namespace Guardrails.Gate.Tests;

/// <summary>How one read's numbers become good, bad or no data. Queries are told apart by their metric names.</summary>
public sealed class PrometheusCanaryProbeTests
{
    private static readonly CanaryBurnRateQuery Availability = new("availability", 0.001, "sum(errors_total)", "sum(requests_total)", null);
    private static readonly CanaryBurnRateQuery Latency = new("latency", 0.01, "sum(slow_total)", "sum(timed_total)", null);
    private static readonly CanaryBurnRateQuery RawRatio = new("raw", 0.01, null, null, "max(ratio)");

    [Test]
    public async Task Burn_rate_is_the_error_ratio_over_the_budget()
    {
        var reading = await ReadAsync([Availability], "sum(requests_total)", ("errors_total", "0.05"), ("requests_total", "10"));

        Assert.Multiple(() =>
        {
            Assert.That(reading.Kind, Is.EqualTo(ReadKind.Good));
            Assert.That(reading.Measurements[0].ErrorRatio, Is.EqualTo(0.005).Within(1e-12));
            Assert.That(reading.Measurements[0].BurnRate, Is.EqualTo(5).Within(1e-9));
            Assert.That(reading.RequestsPerSecond, Is.EqualTo(10));
        });
    }

    [Test]
    public async Task A_burn_rate_over_the_maximum_is_bad()
    {
        var reading = await ReadAsync([Availability], "sum(requests_total)", ("errors_total", "0.2"), ("requests_total", "10"));

        Assert.Multiple(() =>
        {
            Assert.That(reading.Kind, Is.EqualTo(ReadKind.Bad));
            Assert.That(reading.Detail, Does.Contain("availability burn rate 20: over --max-burn-rate 14.4"));
        });
    }

    [Test]
    public async Task Exactly_the_maximum_is_still_good()
    {
        var reading = await ReadAsync([Availability], "sum(requests_total)", ("errors_total", "0.144"), ("requests_total", "10"));

        Assert.That(reading.Kind, Is.EqualTo(ReadKind.Good), reading.Detail);
    }

    [Test]
    public async Task No_error_series_means_no_errors()
    {
        var reading = await ReadAsync([Availability], "sum(requests_total)", ("errors_total", null), ("requests_total", "10"));

        Assert.Multiple(() =>
        {
            Assert.That(reading.Kind, Is.EqualTo(ReadKind.Good));
            Assert.That(reading.Measurements[0].BurnRate, Is.Zero);
        });
    }

    [TestCase(null, "no traffic series")]
    [TestCase("0.5", "30 requests in the 1m window (0.5 req/s), under the floor of --min-requests 60")]
    public async Task Traffic_under_the_floor_is_no_data_even_with_errors(string? traffic, string detail)
    {
        var reading = await ReadAsync([Availability], "sum(requests_total)", ("errors_total", "0.5"), ("requests_total", traffic));

        Assert.Multiple(() =>
        {
            Assert.That(reading.Kind, Is.EqualTo(ReadKind.NoData));
            Assert.That(reading.Detail, Does.Contain(detail));
        });
    }

    [TestCase("NaN", "10")]
    [TestCase("0", "NaN")]
    public async Task A_nan_anywhere_is_no_data_never_a_good_read(string errors, string traffic)
    {
        var reading = await ReadAsync([Availability], "sum(requests_total)", minRequests: 0, ("errors_total", errors), ("requests_total", traffic));

        Assert.That(reading.Kind, Is.EqualTo(ReadKind.NoData), reading.Detail);
    }

    [Test]
    public async Task Zero_traffic_without_a_floor_is_no_data()
    {
        var reading = await ReadAsync([Availability], "sum(requests_total)", minRequests: 0, ("errors_total", null), ("requests_total", "0"));

        Assert.Multiple(() =>
        {
            Assert.That(reading.Kind, Is.EqualTo(ReadKind.NoData));
            Assert.That(reading.Detail, Does.Contain("no result for availability"));
        });
    }

    [Test]
    public async Task A_bad_latency_slo_makes_the_read_bad()
    {
        var reading = await ReadAsync(
            [Availability, Latency],
            "sum(requests_total)",
            ("errors_total", "0"),
            ("requests_total", "10"),
            ("slow_total", "2"),
            ("timed_total", "10"));

        Assert.Multiple(() =>
        {
            Assert.That(reading.Kind, Is.EqualTo(ReadKind.Bad));
            Assert.That(reading.Detail, Does.Contain("availability burn rate 0, latency burn rate 20"));
        });
    }

    [TestCase("NaN", "NoData")]
    [TestCase("+Inf", "Bad")]
    [TestCase("0.05", "Good")]
    [TestCase("0.5", "Bad")]
    public async Task A_raw_ratio_is_divided_by_the_budget_and_nan_is_no_data(string ratio, string kind)
    {
        var reading = await ReadAsync([RawRatio], null, minRequests: 0, ("ratio", ratio));

        Assert.That(reading.Kind, Is.EqualTo(Enum.Parse<ReadKind>(kind)), reading.Detail);
    }

    private static Task<ProbeReading> ReadAsync(CanaryBurnRateQuery[] queries, string? trafficQuery, params (string, string?)[] answers) =>
        ReadAsync(queries, trafficQuery, 60, answers);

    /// <param name="minRequests">The floor over a one-minute window: 60 requests are 1 req/s.</param>
    private static async Task<ProbeReading> ReadAsync(CanaryBurnRateQuery[] queries, string? trafficQuery, int minRequests, params (string, string?)[] answers)
    {
        using var http = new HttpClient(new StubPrometheusHandler(answers));
        var client = new PrometheusQueryClient(http, new Uri("http://prometheus.test/"), ResiliencePipeline.Empty);
        var probe = new PrometheusCanaryProbe(client, queries, trafficQuery, maxBurnRate: 14.4, new TrafficFloor(minRequests, PrometheusDuration.Parse("1m")));
        return await probe.ReadAsync(DateTimeOffset.UnixEpoch, CancellationToken.None);
    }
}
