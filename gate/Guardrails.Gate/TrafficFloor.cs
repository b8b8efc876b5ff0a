using System;
using System.Globalization;
using Guardrails.Slo.Prometheus;

namespace Guardrails.Gate;

/// <summary>
/// The traffic a read needs before it counts, defined once for the gate's reads and the Kubernetes analyses: the
/// requests the canary served over the window, computed as the traffic query's per-second rate over the window
/// times the window's seconds (what Prometheus's <c>increase()</c> would give), at least <see cref="MinRequests"/>.
/// A floor in requests rather than a rate lets a low-traffic service pass: what matters to the burn rate is how
/// many requests it is computed from.
/// </summary>
public sealed record TrafficFloor(int MinRequests, PrometheusDuration Window)
{
    /// <summary>The requests served over the window at <paramref name="requestsPerSecond"/>.</summary>
    public double RequestsInWindow(double requestsPerSecond) => requestsPerSecond * Window.Value.TotalSeconds;

    /// <summary>Whether the traffic read clears the floor; a missing or NaN traffic value never does.</summary>
    public bool IsMetBy(double? requestsPerSecond) =>
        requestsPerSecond is double rate && !double.IsNaN(rate) && RequestsInWindow(rate) >= MinRequests;

    /// <summary>The same test in PromQL: non-empty exactly when <see cref="IsMetBy"/> holds for the query's value.</summary>
    public string Condition(string trafficQuery) =>
        string.Create(CultureInfo.InvariantCulture, $"(({trafficQuery}) * {Window.Value.TotalSeconds:R}) >= {MinRequests}");

    /// <summary>How a read under the floor is described: "12 requests in the 5m window (0.04 req/s), under ...".</summary>
    public string Shortfall(double? requestsPerSecond) => requestsPerSecond is double rate && !double.IsNaN(rate)
        ? string.Create(CultureInfo.InvariantCulture, $"{RequestsInWindow(rate):0.###} requests in the {Window.Text} window ({rate:0.###} req/s), under the floor of {GateOptionNames.MinRequests} {MinRequests}")
        : string.Create(CultureInfo.InvariantCulture, $"no traffic series, under the floor of {GateOptionNames.MinRequests} {MinRequests}");
}
