using System.Collections.Generic;
using System.Linq;

namespace Guardrails.Pipelines.Tests.Executors;

/// <summary>
/// The service a <see cref="CanaryRelease"/> releases: its name (the <c>service</c> label of its request
/// counters), the SLO file the caller's repository holds and the SLO in it, and the labels that mark the
/// canary's series (what the gate's selector matches; the stable series carry <c>track="stable"</c>).
/// </summary>
internal sealed record CanaryService(string Name, string SloFile, string SloName, IReadOnlyList<KeyValuePair<string, string>> CanaryLabels)
{
    /// <summary>The service of the scenarios: "shop", its availability SLO, canary series labelled track="canary".</summary>
    public static CanaryService Shop { get; } = new("shop", "slo/shop.yaml", "availability", [new("track", "canary")]);

    /// <summary>A Sloth SLO file with one availability SLO over the service's counters (99.9 %).</summary>
    public string SloFileContent => $$$"""
        version: "prometheus/v1"
        service: "{{{Name}}}"
        slos:
          - name: "{{{SloName}}}"
            objective: 99.9
            labels:
              guardrails_category: availability
            sli:
              events:
                error_query: sum(rate(http_requests_total{service="{{{Name}}}",code=~"5.."}[{{.window}}]))
                total_query: sum(rate(http_requests_total{service="{{{Name}}}"}[{{.window}}]))
            alerting:
              name: {{{AlertName}}}
              page_alert:
                disable: true
              ticket_alert:
                disable: true
        """;

    private string AlertName => string.Concat(Name.Split('-', '_').Select(part => part.Length == 0 ? part : char.ToUpperInvariant(part[0]) + part[1..])) + "HighErrorRate";
}
