using System;
using System.Collections.Generic;

namespace Guardrails.Testing;

/// <summary>
/// The SLO files of issue 11 that passed <c>guardrails validate</c> and then crashed the build inside the rule
/// generator. Each is one service (orders) with an availability and a latency SLO and a runbook, so the only
/// finding is the one the case is about. The validator, the CLI and the MSBuild task are tested with the same files.
/// </summary>
public static class GeneratorContractCases
{
    public const string RunbookPath = "docs/runbooks/orders.md";

    /// <summary>OpenSLO with a rolling 12h window: too short for the 3d ticket alert.</summary>
    public static GeneratorContractCase TwelveHourWindow { get; } = new(
        "twelve-hour window", "GR3031", [new("slo/orders.yaml", OpenSlo(window: "12h", target: "0.999"))], "slo/orders.yaml", "12h");

    /// <summary>OpenSLO <c>target: 0</c>: valid OpenSLO, but no error budget to burn.</summary>
    public static GeneratorContractCase ZeroTarget { get; } = new(
        "zero target", "GR3030", [new("slo/orders.yaml", OpenSlo(window: "28d", target: "0"))], "slo/orders.yaml", "target: 0\n", Column: "0");

    /// <summary>Sloth <c>objective: 100</c>: valid Sloth, but an error budget of zero.</summary>
    public static GeneratorContractCase HundredPercentObjective { get; } = new(
        "objective 100", "GR3030", [new("slo/orders.yaml", Sloth("orders", objective: "100"))], "slo/orders.yaml", "objective: 100", Column: "100");

    /// <summary>One Sloth id (orders-availability) in two files.</summary>
    public static GeneratorContractCase DuplicateSlothId { get; } = new(
        "duplicate Sloth id across files",
        "GR3032",
        [new("slo/a-orders.yaml", Sloth("orders", objective: "99.9")), new("slo/b-orders.yaml", Sloth("orders", objective: "99.5", withLatency: false))],
        "slo/b-orders.yaml",
        "name: availability",
        Column: "availability");

    /// <summary>
    /// Found by the property tests (shrunk): two SLOs of one Sloth spec with one alerting.name raise alerts of the same
    /// name and labels, and promtool check rules refuses the generated file ("duplicate rule(s) found").
    /// </summary>
    public static GeneratorContractCase SharedAlertName { get; } = new(
        "one alert name for two SLOs (property-test counterexample)",
        "GR3036",
        [new("slo/orders.yaml", Sloth("orders", objective: "99.9", latencyAlertName: "ordersAvailability"))],
        "slo/orders.yaml",
        "name: latency",
        Column: "latency");

    public static IReadOnlyList<GeneratorContractCase> All { get; } = [TwelveHourWindow, ZeroTarget, HundredPercentObjective, DuplicateSlothId, SharedAlertName];

    public static string OpenSlo(string window, string target) => $$"""
        apiVersion: openslo/v1
        kind: Service
        metadata:
          name: orders
        spec:
          description: Takes orders.
        ---
        apiVersion: openslo/v1
        kind: SLO
        metadata:
          name: orders-availability
          annotations:
            guardrails.dev/category: availability
            guardrails.dev/runbook: {{RunbookPath}}
        spec:
          service: orders
          indicator:
            metadata:
              name: orders-errors
            spec:
              ratioMetric:
                counter: true
                bad:
                  metricSource:
                    type: Prometheus
                    spec:
                      query: sum(rate(http_requests_total{service="orders",code=~"5.."}[5m]))
                total:
                  metricSource:
                    type: Prometheus
                    spec:
                      query: sum(rate(http_requests_total{service="orders"}[5m]))
          budgetingMethod: Occurrences
          timeWindow:
            - duration: {{window}}
              isRolling: true
          objectives:
            - target: {{target}}
        ---
        apiVersion: openslo/v1
        kind: SLO
        metadata:
          name: orders-latency
          annotations:
            guardrails.dev/category: latency
            guardrails.dev/runbook: {{RunbookPath}}
        spec:
          service: orders
          indicator:
            metadata:
              name: orders-slow
            spec:
              ratioMetric:
                counter: true
                bad:
                  metricSource:
                    type: Prometheus
                    spec:
                      query: sum(rate(http_request_duration_seconds_count{service="orders"}[5m])) - sum(rate(http_request_duration_seconds_bucket{service="orders",le="0.3"}[5m]))
                total:
                  metricSource:
                    type: Prometheus
                    spec:
                      query: sum(rate(http_request_duration_seconds_count{service="orders"}[5m]))
          budgetingMethod: Occurrences
          timeWindow:
            - duration: 28d
              isRolling: true
          objectives:
            - target: 0.99

        """;

    public static string Sloth(string service, string objective, bool withLatency = true, string? latencyAlertName = null) => $$$"""
        version: prometheus/v1
        service: {{{service}}}
        slos:
          - name: availability
            objective: {{{objective}}}
            labels:
              guardrails_category: availability
            sli:
              events:
                error_query: sum(rate(http_requests_total{service="{{{service}}}",code=~"5.."}[{{.window}}]))
                total_query: sum(rate(http_requests_total{service="{{{service}}}"}[{{.window}}]))
            alerting:
              name: {{{service}}}Availability
              annotations:
                runbook_url: {{{RunbookPath}}}

        """ + (withLatency ? $$$"""
          - name: latency
            objective: 99
            labels:
              guardrails_category: latency
            sli:
              raw:
                error_ratio_query: 1 - (sum(rate(http_request_duration_seconds_bucket{service="{{{service}}}",le="0.3"}[{{.window}}])) / sum(rate(http_request_duration_seconds_count{service="{{{service}}}"}[{{.window}}])))
            alerting:
              name: {{{latencyAlertName ?? service + "Latency"}}}
              annotations:
                runbook_url: {{{RunbookPath}}}

        """ : string.Empty);
}

/// <summary>One case: its files (repository-relative path and text), and the one finding expected, at the text
/// <paramref name="Anchor"/> in <paramref name="File"/> (the column at <paramref name="Column"/> within it, or its start).</summary>
public sealed record GeneratorContractCase(string Name, string Code, IReadOnlyList<SloFileText> Files, string File, string Anchor, string? Column = null)
{
    /// <summary>The 1-based line and column where the finding must be.</summary>
    public (int Line, int Column) Position
    {
        get
        {
            var text = Text(File);
            var at = text.IndexOf(Anchor, StringComparison.Ordinal);
            if (at < 0)
            {
                throw new InvalidOperationException($"'{Anchor}' is not in {File}.");
            }

            at += Column is null ? 0 : Anchor.IndexOf(Column, StringComparison.Ordinal);
            var line = 1 + text.AsSpan(0, at).Count('\n');
            var lineStart = at == 0 ? -1 : text.LastIndexOf('\n', at - 1);
            return (line, at - lineStart);
        }
    }

    /// <summary>The text of one of the case's files.</summary>
    public string Text(string path)
    {
        foreach (var file in Files)
        {
            if (file.Path == path)
            {
                return file.Text;
            }
        }

        throw new InvalidOperationException($"{Name} has no file {path}.");
    }

    public override string ToString() => Name;
}

/// <summary>A file a test writes: its repository-relative path and its text.</summary>
public sealed record SloFileText(string Path, string Text);
