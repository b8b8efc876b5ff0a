using System;
using Guardrails.Diagnostics;

namespace Guardrails.Gate.Prometheus;

/// <summary>
/// Prometheus answered, and the answer means the gate is set up wrong rather than the canary being
/// unhealthy: the query does not parse (400 bad_data) or the credentials are refused (401, 403).
/// Asking again cannot help, so the gate stops with a configuration error.
/// </summary>
public sealed class PrometheusRefusedException : Exception
{
    public PrometheusRefusedException()
    {
    }

    public PrometheusRefusedException(string message)
        : base(message)
    {
    }

    public PrometheusRefusedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>True when Prometheus could not parse or run the query (400 bad_data), false for refused credentials.</summary>
    public bool RejectsQuery { get; init; }

    /// <summary>Where the rejected query came from (the SLO's file and line), when the gate knows.</summary>
    public SourceSpan? QuerySource { get; init; }
}
