using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Guardrails.Diagnostics;
using Guardrails.Gate.Prometheus;

namespace Guardrails.Gate;

/// <summary>
/// One read of the canary from Prometheus: its traffic, then each SLO's error ratio and burn rate, all
/// evaluated at the same instant. Classification: a failed query is an error; traffic under the floor (<see cref="TrafficFloor"/>) or
/// a missing ratio is no data; any burn rate over the maximum is bad; otherwise good.
/// </summary>
public sealed class PrometheusCanaryProbe : ICanaryProbe
{
    private readonly PrometheusQueryClient client;
    private readonly IReadOnlyList<CanaryBurnRateQuery> queries;
    private readonly string? trafficQuery;
    private readonly double maxBurnRate;
    private readonly TrafficFloor floor;

    /// <param name="trafficQuery">Requests per second of the canary; null when no floor applies.</param>
    /// <param name="floor">The requests over the window a read needs to count.</param>
    public PrometheusCanaryProbe(PrometheusQueryClient client, IReadOnlyList<CanaryBurnRateQuery> queries, string? trafficQuery, double maxBurnRate, TrafficFloor floor)
    {
        this.client = client;
        this.queries = queries;
        this.trafficQuery = trafficQuery;
        this.maxBurnRate = maxBurnRate;
        this.floor = floor;
    }

    public async Task<ProbeReading> ReadAsync(DateTimeOffset at, CancellationToken cancellationToken)
    {
        double? requestsPerSecond = null;
        var measurements = new List<SloMeasurement>();
        try
        {
            if (trafficQuery is not null)
            {
                requestsPerSecond = await QueryAsync(trafficQuery, "the traffic query", null, at, cancellationToken).ConfigureAwait(false);
            }

            foreach (var query in queries)
            {
                var ratio = await ErrorRatioAsync(query, at, cancellationToken).ConfigureAwait(false);
                measurements.Add(new SloMeasurement(query.SloName, ratio, ratio / query.ErrorBudget));
            }
        }
        catch (PrometheusQueryException exception)
        {
            return new ProbeReading(ReadKind.Error, requestsPerSecond, measurements, exception.Message);
        }

        return Classify(requestsPerSecond, measurements);
    }

    private async Task<double?> ErrorRatioAsync(CanaryBurnRateQuery query, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var what = $"SLO '{query.SloName}'";
        if (query.ErrorRatioQuery is not null)
        {
            var ratio = await QueryAsync(query.ErrorRatioQuery, what, query.Source, at, cancellationToken).ConfigureAwait(false);
            return ratio is double value && double.IsNaN(value) ? null : ratio;
        }

        var total = await QueryAsync(query.TotalQuery!, what, query.Source, at, cancellationToken).ConfigureAwait(false);
        if (total is not > 0)
        {
            return null;
        }

        // No error series at all is common (no 5xx yet) and means zero errors, not missing data.
        var errors = await QueryAsync(query.ErrorsQuery!, what, query.Source, at, cancellationToken).ConfigureAwait(false);
        return (errors ?? 0) / total.Value;
    }

    /// <summary>
    /// One query; a query Prometheus rejects is reported with what it was rendered from and the PromQL sent, since
    /// the text in the SLO file went through the window and the canary selector before Prometheus saw it.
    /// </summary>
    private async Task<double?> QueryAsync(string promQl, string what, SourceSpan? source, DateTimeOffset at, CancellationToken cancellationToken)
    {
        try
        {
            return await client.QueryAsync(promQl, at, cancellationToken).ConfigureAwait(false);
        }
        catch (PrometheusRefusedException exception) when (exception.RejectsQuery)
        {
            var from = source is null ? string.Empty : $" (from {source.File}, line {source.Line})";
            throw new PrometheusRefusedException($"{exception.Message} The query of {what}{from}, as the gate rendered and sent it: {promQl}", exception)
            {
                RejectsQuery = true,
                QuerySource = source,
            };
        }
    }

    private ProbeReading Classify(double? requestsPerSecond, List<SloMeasurement> measurements)
    {
        if (trafficQuery is not null && !floor.IsMetBy(requestsPerSecond))
        {
            return new ProbeReading(ReadKind.NoData, requestsPerSecond, measurements, floor.Shortfall(requestsPerSecond));
        }

        var missing = measurements.Where(measurement => measurement.BurnRate is not double burnRate || double.IsNaN(burnRate)).Select(measurement => measurement.Slo).ToList();
        if (missing.Count > 0)
        {
            return new ProbeReading(ReadKind.NoData, requestsPerSecond, measurements, "no result for " + string.Join(", ", missing));
        }

        var over = measurements.Where(measurement => measurement.BurnRate > maxBurnRate).ToList();
        var summary = string.Join(", ", measurements.Select(measurement => Format($"{measurement.Slo} burn rate {measurement.BurnRate:0.###}")));
        return over.Count > 0
            ? new ProbeReading(ReadKind.Bad, requestsPerSecond, measurements, Format($"{summary}: over --max-burn-rate {maxBurnRate}"))
            : new ProbeReading(ReadKind.Good, requestsPerSecond, measurements, Format($"{summary}: at or under --max-burn-rate {maxBurnRate}"));
    }

    private static string Format(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
