using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;

namespace Guardrails.Slo.Benchmarks;

/// <summary>
/// A repository-like set of SLO files: per service, alternately an OpenSLO file (Service, SLI, an availability
/// and a latency SLO, an alert policy) or a Sloth spec with the same two SLOs, each about 3 KB.
/// </summary>
public sealed class SloCorpus : IDisposable
{
    public SloCorpus(int fileCount)
    {
        Directory = Path.Combine(Path.GetTempPath(), "guardrails-slo-bench-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(Directory);
        var files = new List<string>(fileCount);
        for (var index = 0; index < fileCount; index++)
        {
            var service = "service-" + index.ToString(CultureInfo.InvariantCulture);
            var path = Path.Combine(Directory, service + ".yaml");
            File.WriteAllText(path, index % 2 == 0 ? OpenSlo(service) : Sloth(service));
            files.Add(path);
        }

        Files = files;
    }

    public string Directory { get; }

    public IReadOnlyList<string> Files { get; }

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);

    private static string OpenSlo(string service) => """
        apiVersion: openslo/v1
        kind: Service
        metadata:
          name: __SERVICE__
        spec:
          description: Serves __SERVICE__ requests.
        ---
        apiVersion: openslo/v1
        kind: SLI
        metadata:
          name: __SERVICE__-success
        spec:
          ratioMetric:
            counter: true
            good:
              metricSource:
                type: Prometheus
                spec:
                  query: sum(rate(http_requests_total{service="__SERVICE__",code!~"5.."}[5m]))
            total:
              metricSource:
                type: Prometheus
                spec:
                  query: sum(rate(http_requests_total{service="__SERVICE__"}[5m]))
        ---
        apiVersion: openslo/v1
        kind: SLO
        metadata:
          name: __SERVICE__-availability
          annotations:
            guardrails.dev/category: availability
            guardrails.dev/runbook: docs/runbooks/__SERVICE__.md#availability
        spec:
          service: __SERVICE__
          indicatorRef: __SERVICE__-success
          budgetingMethod: Occurrences
          timeWindow:
            - duration: 28d
              isRolling: true
          objectives:
            - target: 0.999
          alertPolicies:
            - alertPolicyRef: __SERVICE__-fast-burn
        ---
        apiVersion: openslo/v1
        kind: SLO
        metadata:
          name: __SERVICE__-latency
          annotations:
            guardrails.dev/category: latency
            guardrails.dev/runbook: docs/runbooks/__SERVICE__.md#latency
        spec:
          service: __SERVICE__
          indicator:
            metadata:
              name: __SERVICE__-fast
            spec:
              ratioMetric:
                counter: true
                good:
                  metricSource:
                    type: Prometheus
                    spec:
                      query: sum(rate(http_request_duration_seconds_bucket{service="__SERVICE__",le="0.3"}[5m]))
                total:
                  metricSource:
                    type: Prometheus
                    spec:
                      query: sum(rate(http_request_duration_seconds_count{service="__SERVICE__"}[5m]))
          budgetingMethod: Occurrences
          timeWindow:
            - duration: 28d
              isRolling: true
          objectives:
            - targetPercent: 99
        ---
        apiVersion: openslo/v1
        kind: AlertPolicy
        metadata:
          name: __SERVICE__-fast-burn
          annotations:
            runbook_url: docs/runbooks/__SERVICE__.md#fast-burn
        spec:
          conditions:
            - kind: AlertCondition
              metadata:
                name: __SERVICE__-fast-burn
              spec:
                severity: page
                condition:
                  kind: burnrate
                  op: gte
                  threshold: 14.4
                  lookbackWindow: 1h
                  alertAfter: 5m
          notificationTargets:
            - kind: AlertNotificationTarget
              metadata:
                name: __SERVICE__-on-call
              spec:
                target: pagerduty

        """.Replace("__SERVICE__", service, StringComparison.Ordinal);

    private static string Sloth(string service) => """
        version: "prometheus/v1"
        service: "__SERVICE__"
        labels:
          owner: "__SERVICE__-team"
        slos:
          - name: "requests-availability"
            objective: 99.9
            labels:
              guardrails_category: availability
            sli:
              events:
                error_query: sum(rate(http_requests_total{job="__SERVICE__",code=~"(5..|429)"}[{{.window}}]))
                total_query: sum(rate(http_requests_total{job="__SERVICE__"}[{{.window}}]))
            alerting:
              name: HighErrorRate
              annotations:
                runbook_url: docs/runbooks/__SERVICE__.md#availability
              page_alert:
                labels:
                  severity: critical
              ticket_alert:
                labels:
                  severity: warning
          - name: "requests-latency"
            objective: 99
            labels:
              guardrails_category: latency
            sli:
              raw:
                error_ratio_query: 1 - (sum(rate(http_request_duration_seconds_bucket{job="__SERVICE__",le="0.5"}[{{.window}}])) / sum(rate(http_request_duration_seconds_count{job="__SERVICE__"}[{{.window}}])))
            alerting:
              name: HighLatency
              annotations:
                runbook_url: docs/runbooks/__SERVICE__.md#latency

        """.Replace("__SERVICE__", service, StringComparison.Ordinal);
}
