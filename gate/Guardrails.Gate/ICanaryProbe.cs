using System;
using System.Threading;
using System.Threading.Tasks;

namespace Guardrails.Gate;

/// <summary>Measures the canary at one instant. Query failures come back as <see cref="ReadKind.Error"/> readings;
/// only cancellation and configuration errors Prometheus reports (a rejected query) are thrown.</summary>
public interface ICanaryProbe
{
    Task<ProbeReading> ReadAsync(DateTimeOffset at, CancellationToken cancellationToken);
}
