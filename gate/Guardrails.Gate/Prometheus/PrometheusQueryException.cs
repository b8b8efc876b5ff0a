using System;

namespace Guardrails.Gate.Prometheus;

/// <summary>
/// A query that did not produce a usable answer: connection refused, HTTP error, unreadable body.
/// <see cref="IsTransient"/> says whether asking again may help (the retry strategy handles those).
/// For the gate it is a failed read, counted toward the error limit.
/// </summary>
public sealed class PrometheusQueryException : Exception
{
    public PrometheusQueryException(string message, bool isTransient, Exception? innerException = null)
        : base(message, innerException)
    {
        IsTransient = isTransient;
    }

    public PrometheusQueryException()
    {
    }

    public PrometheusQueryException(string message)
        : base(message)
    {
    }

    public PrometheusQueryException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public bool IsTransient { get; }
}
