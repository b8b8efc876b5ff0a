using System;
using Guardrails.Testing;

namespace Guardrails.Gate.Tests;

/// <summary>Sloth SLO files in a temporary directory, deleted on dispose.</summary>
internal sealed class SloFiles : IDisposable
{
    private readonly TemporaryFolder folder = TemporaryFolder.Create("guardrails-gate-slo-");

    public string Directory => folder.Root;

    /// <summary>A Sloth spec with an availability SLO (99.9 %) over http_requests_total of the service.</summary>
    public static string Availability(string service, string errorQuery = "", string objective = "99.9")
    {
        var errors = errorQuery.Length > 0
            ? errorQuery
            : "sum(rate(http_requests_total{service=\"" + service + "\",code=~\"5..\"}[{{.window}}]))";
        return """
        version: "prometheus/v1"
        service: "SERVICE"
        slos:
          - name: "availability"
            objective: OBJECTIVE
            labels:
              guardrails_category: availability
            sli:
              events:
                error_query: ERRORS
                total_query: sum(rate(http_requests_total{service="SERVICE"}[{{.window}}]))
            alerting:
              name: HighErrorRate
              page_alert:
                disable: true
              ticket_alert:
                disable: true
        """.Replace("ERRORS", errors, StringComparison.Ordinal).Replace("SERVICE", service, StringComparison.Ordinal).Replace("OBJECTIVE", objective, StringComparison.Ordinal);
    }

    public string Write(string name, string text) => folder.Write(name, text);

    public void Dispose() => folder.Dispose();
}
