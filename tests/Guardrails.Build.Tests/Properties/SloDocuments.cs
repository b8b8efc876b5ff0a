using System;
using System.Collections.Generic;
using System.Linq;
using CsCheck;

namespace Guardrails.Build.Tests.Properties;

/// <summary>
/// Generators of SLO projects for the property tests: OpenSLO and Sloth documents assembled from values that are
/// valid, at the edge of valid (a 3d window, an objective of 100, a ratio where a percentage belongs) and hostile
/// (names with spaces or braces, queries without a range), then sometimes damaged the way a person damages YAML
/// (a line dropped, dedented, doubled or cut short). A pool of few service and SLO names makes ids collide.
/// </summary>
internal static class SloDocuments
{
    private const string LatencyBadQuery = "sum(rate(http_request_duration_seconds_count[5m])) - sum(rate(http_request_duration_seconds_bucket{le=\"0.3\"}[5m]))";

    private static readonly Gen<bool> MostlyTrue = Gen.Frequency((5, Gen.Const(true)), (1, Gen.Const(false)));

    private static readonly Gen<string> ServiceName = Mostly(["orders", "orders", "checkout"], ["pay.ments", "Orders-2", "x y", "-bad", "{{x}}", "é"]);

    private static readonly Gen<string> SloName = Mostly(["availability", "availability", "requests"], ["orders-availability", "p99_latency", "bad name", "a", "latency"]);

    private static readonly Gen<string> OpenSloWindow = Mostly(["28d", "30d", "7d", "1w", "4w"], ["4d", "3d", "1d", "12h", "90m", "1M", "1Q", "0d", "abc", "\"\""]);

    private static readonly Gen<string> OpenSloTarget = Mostly(["0.999", "0.99", "0.9", "0.95"], ["0.5", "0.9999999", "0", "1", "-0.1", "99.9", "abc", "1e-9"]);

    private static readonly Gen<string> OpenSloPercent = Mostly(["99.9", "99", "95"], ["50", "0", "100", "0.99", "-1"]);

    private static readonly Gen<string> SlothObjective = Mostly(["99.9", "99", "95.5", "99.99"], ["50", "100", "0.99", "0", "100.5", "-1", "abc", "99.99999"]);

    private static readonly Gen<string> Category = Mostly(["availability"], ["latency", "other", "throughput", string.Empty]);

    private static readonly Gen<string> Runbook = Mostly(["docs/runbooks/orders.md", "docs/runbooks/orders.md#summary", "https://runbooks.example.com/orders"], ["docs/runbooks/missing.md", string.Empty]);

    // Queries: with a range selector, with Sloth's placeholder (both spellings), with both, with neither, broken.
    private static readonly Gen<string> OpenSloQuery = Mostly(
        [
            "sum(rate(http_requests_total{code=~\"5..\"}[5m]))",
            "sum(rate(http_requests_total[1m]))",
            "sum(increase(http_requests_total{job=\"a\"}[30m]))",
            "sum by (route) (rate(http_request_duration_seconds_count[5m]))",
        ],
        [
        "sum(http_requests_total)",
        "sum(rate(http_requests_total[{{.window}}]))",
        "rate(x[5m]"]);

    private static readonly Gen<string> SlothQuery = Mostly(
        [
            "sum(rate(http_requests_total{code=~\"5..\"}[{{.window}}]))",
            "sum(rate(http_requests_total[{{ .window }}]))",
            "sum(increase(http_requests_total{job=\"a\"}[{{.window}}]))",
            "sum(rate(http_requests_total{code=~\"5..\",le=\"0.3\"}[{{.window}}]))",
        ],
        [
        "sum(rate(http_requests_total[5m]))",
        "sum(rate(http_requests_total[{{.window}}])) / sum(rate(x[5m]))",
        "rate(x[{{.window}}]"]);

    private static readonly Gen<string> OpenSloSlo =
        Gen.Select(ServiceName, SloName, OpenSloWindow, Gen.Bool, OpenSloTarget, OpenSloPercent, Category, Runbook)
            .Select(Gen.Select(Gen.OneOf("good", "bad", "raw"), OpenSloQuery, OpenSloQuery, Gen.Bool), (slo, sli) => OpenSloText(slo, sli));

    private static readonly Gen<string> SlothSpec =
        Gen.Select(ServiceName, SloName, SlothObjective, Category, Runbook, Gen.Bool, MostlyTrue)
            .Select(Gen.Select(SlothQuery, SlothQuery, Gen.Bool, MostlyTrue), (slo, sli) => SlothText(slo, sli));


    /// <summary>One SLO file: an OpenSLO service and SLO, or a Sloth spec; damaged one time in four.</summary>
    public static readonly Gen<string> File =
        Gen.Frequency((3, OpenSloSlo), (3, SlothSpec))
            .SelectMany(text => Gen.Frequency((5, Gen.Const(text)), (1, Damage(text))));

    /// <summary>One to three SLO files of one repository.</summary>
    public static readonly Gen<string[]> Project = File.Array[1, 3];

    private static string OpenSloText(
        (string Service, string Name, string Window, bool UsePercent, string Target, string Percent, string Category, string Runbook) slo,
        (string Kind, string Query, string Total, bool WithAlertPolicy) sli)
    {
        var annotations = new List<string>();
        if (slo.Category.Length > 0)
        {
            annotations.Add("    guardrails.dev/category: " + slo.Category);
        }

        if (slo.Runbook.Length > 0)
        {
            annotations.Add("    guardrails.dev/runbook: " + slo.Runbook);
        }

        var metric = sli.Kind == "raw"
            ? $"""
                      rawType: failure
                      raw:
                        metricSource:
                          type: Prometheus
                          spec:
                            query: '{sli.Query}'
              """
            : $"""
                      {sli.Kind}:
                        metricSource:
                          type: Prometheus
                          spec:
                            query: '{sli.Query}'
                      total:
                        metricSource:
                          type: Prometheus
                          spec:
                            query: '{sli.Total}'
              """;
        return $"""
            apiVersion: openslo/v1
            kind: Service
            metadata:
              name: {slo.Service}
            spec:
              description: A service.
            ---
            apiVersion: openslo/v1
            kind: SLO
            metadata:
              name: {slo.Name}
            {(annotations.Count == 0 ? string.Empty : "  annotations:\n" + string.Join("\n", annotations.Select(line => "  " + line)) + "\n")}spec:
              service: {slo.Service}
              indicator:
                metadata:
                  name: {slo.Name}-sli
                spec:
                  ratioMetric:
                    counter: true
            {metric}
              budgetingMethod: Occurrences
              timeWindow:
                - duration: {slo.Window}
                  isRolling: true
              objectives:
                - {(slo.UsePercent ? "targetPercent: " + slo.Percent : "target: " + slo.Target)}
            ---
            apiVersion: openslo/v1
            kind: SLO
            metadata:
              name: {slo.Name}-latency
              annotations:
                guardrails.dev/category: latency
                guardrails.dev/runbook: docs/runbooks/orders.md
            spec:
              service: {slo.Service}
              indicator:
                metadata:
                  name: {slo.Name}-latency-sli
                spec:
                  ratioMetric:
                    counter: true
                    bad:
                      metricSource:
                        type: Prometheus
                        spec:
                          query: '{LatencyBadQuery}'
                    total:
                      metricSource:
                        type: Prometheus
                        spec:
                          query: 'sum(rate(http_request_duration_seconds_count[5m]))'
              budgetingMethod: Occurrences
              timeWindow:
                - duration: 28d
                  isRolling: true
              objectives:
                - target: 0.99

            """;
    }

    private static string SlothText(
        (string Service, string Name, string Objective, string Category, string Runbook, bool PageDisabled, bool WithAlertName) slo,
        (string Error, string Total, bool Raw, bool TwoSlos) sli)
    {
        var body = Slo(slo.Name, slo.Objective, slo.Category);
        if (sli.TwoSlos)
        {
            body += Slo(slo.Name == "latency" ? "availability" : "latency", "99", slo.Name == "latency" ? "availability" : "latency");
        }

        return $"""
            version: prometheus/v1
            service: {slo.Service}
            slos:
            {body}
            """;

        string Slo(string name, string objective, string category)
        {
            var sliText = sli.Raw
                ? $"""
                          raw:
                            error_ratio_query: '{sli.Error}'
                  """
                : $"""
                          events:
                            error_query: '{sli.Error}'
                            total_query: '{sli.Total}'
                  """;
            return $"""
                  - name: {name}
                    objective: {objective}
                {(category.Length == 0 ? string.Empty : "    labels:\n      guardrails_category: " + category + "\n")}    sli:
                {sliText}
                    alerting:
                {(slo.WithAlertName ? "      name: " + slo.Service + "_" + name + "\n" : string.Empty)}{(slo.Runbook.Length == 0 ? string.Empty : "      annotations:\n        runbook_url: " + slo.Runbook + "\n")}      page_alert:
                        disable: {(slo.PageDisabled ? "true" : "false")}

                """;
        }
    }

    /// <summary>A valid value four times in five, so whole projects come out valid often enough to test the rules.</summary>
    private static Gen<string> Mostly(string[] valid, string[] others) =>
        Gen.Frequency((4, Gen.OneOf(valid)), (1, Gen.OneOf(others)));

    private static Gen<string> Damage(string text)
    {
        var lines = text.Split('\n');
        return Gen.Select(Gen.Int[0, lines.Length - 1], Gen.OneOf("drop", "dedent", "double", "cut", "tab", "colon"), (index, how) =>
        {
            var damaged = lines.ToList();
            switch (how)
            {
                case "drop":
                    damaged.RemoveAt(index);
                    break;
                case "dedent":
                    damaged[index] = damaged[index].TrimStart();
                    break;
                case "double":
                    damaged.Insert(index, damaged[index]);
                    break;
                case "cut":
                    damaged[index] = damaged[index].Substring(0, damaged[index].Length / 2);
                    break;
                case "tab":
                    damaged[index] = "\t" + damaged[index];
                    break;
                default:
                    damaged[index] += ": :";
                    break;
            }

            return string.Join("\n", damaged);
        });
    }
}
