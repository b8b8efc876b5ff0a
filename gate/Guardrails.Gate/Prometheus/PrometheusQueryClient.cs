using System;
using System.Globalization;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Guardrails.Slo.Prometheus;
using Polly;
using Polly.Timeout;

namespace Guardrails.Gate.Prometheus;

/// <summary>
/// Runs instant queries against Prometheus's HTTP API (<c>GET /api/v1/query</c>) through the resilience
/// pipeline. Returns the single value of an aggregated query, or null for an empty result.
/// </summary>
public sealed class PrometheusQueryClient
{
    private readonly HttpClient http;
    private readonly Uri queryEndpoint;
    private readonly ResiliencePipeline pipeline;

    public PrometheusQueryClient(HttpClient http, Uri prometheus, ResiliencePipeline pipeline)
    {
        this.http = http;
        this.pipeline = pipeline;
        var root = prometheus.AbsoluteUri.EndsWith('/') ? prometheus : new Uri(prometheus.AbsoluteUri + "/");
        queryEndpoint = new Uri(root, "api/v1/query");
    }

    /// <exception cref="PrometheusQueryException">The query failed after the retries.</exception>
    /// <exception cref="PrometheusRefusedException">Prometheus rejected the query or the credentials.</exception>
    public async Task<double?> QueryAsync(string query, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var time = (at.ToUnixTimeMilliseconds() / 1000.0).ToString("0.###", CultureInfo.InvariantCulture);
        var uri = new Uri(queryEndpoint + "?query=" + Uri.EscapeDataString(query) + "&time=" + time);
        try
        {
            return await pipeline.ExecuteAsync(
                async token => await SendAsync(uri, token).ConfigureAwait(false),
                cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutRejectedException exception)
        {
            throw new PrometheusQueryException($"no answer within the query timeout of {PrometheusDuration.Format(exception.Timeout)}", isTransient: true, exception);
        }
        catch (TaskCanceledException exception) when (exception.InnerException is TimeoutException)
        {
            throw new PrometheusQueryException("no answer within the HTTP client's timeout", isTransient: true, exception);
        }
        catch (Exception exception) when (exception is HttpRequestException or IOException)
        {
            throw new PrometheusQueryException($"cannot reach Prometheus at {queryEndpoint.GetLeftPart(UriPartial.Authority)}: {exception.Message}", isTransient: true, exception);
        }
    }

    private async Task<double?> SendAsync(Uri uri, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync(uri, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        if (response.IsSuccessStatusCode)
        {
            return PrometheusResponseReader.ReadSingleValue(body);
        }

        var status = (int)response.StatusCode;
        var error = PrometheusResponseReader.ReadError(body);
        var described = $"HTTP {status} {response.ReasonPhrase}" + (error is null ? string.Empty : $" ({error.Value.Type}: {error.Value.Message})");
        if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
        {
            throw new PrometheusRefusedException($"Prometheus refused the credentials: {described}. Check --bearer-token-env and the token's permissions.");
        }

        if (response.StatusCode == HttpStatusCode.BadRequest && error?.Type == "bad_data")
        {
            throw new PrometheusRefusedException($"Prometheus rejected the query: {described}.") { RejectsQuery = true };
        }

        var isTransient = response.StatusCode == HttpStatusCode.TooManyRequests || status >= 500;
        throw new PrometheusQueryException($"Prometheus answered {described}", isTransient);
    }
}
