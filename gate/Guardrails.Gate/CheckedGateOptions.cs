using Guardrails.Gate.PromQl;
using Guardrails.Slo.Prometheus;

namespace Guardrails.Gate;

/// <summary>The option values <see cref="GateOptionChecks"/> parsed; null where the value was invalid.</summary>
internal sealed record CheckedGateOptions(
    PrometheusDuration? Window,
    PrometheusDuration? Interval,
    PrometheusDuration? QueryTimeout,
    PrometheusDuration? RetryDelay,
    PrometheusDuration? Deadline,
    System.TimeSpan? WarmUp,
    NoDataPolicy? OnNoData,
    LabelSelector? Selector);
