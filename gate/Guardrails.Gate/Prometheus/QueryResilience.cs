using System;
using System.IO;
using System.Net.Http;
using System.Threading.Tasks;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace Guardrails.Gate.Prometheus;

/// <summary>
/// How one query survives a flaky network: each attempt is bounded by the query timeout, and transient
/// failures (connection errors, a connection dropped mid-answer, timeouts, 429 and 5xx answers) are retried with exponential backoff and
/// jitter. Everything else fails at once: asking a server that returned garbage again only burns the deadline.
/// </summary>
public sealed record QueryResilience(TimeSpan Timeout, int Retries, TimeSpan RetryDelay)
{
    public ResiliencePipeline Build(TimeProvider time)
    {
        var builder = new ResiliencePipelineBuilder { TimeProvider = time };
        if (Retries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder()
                    .Handle<HttpRequestException>()
                    .Handle<IOException>()
                    .Handle<TimeoutRejectedException>()
                    .Handle<TaskCanceledException>(exception => exception.InnerException is TimeoutException)
                    .Handle<PrometheusQueryException>(exception => exception.IsTransient),
                MaxRetryAttempts = Retries,
                Delay = RetryDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
            });
        }

        return builder.AddTimeout(Timeout).Build();
    }
}
