using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using Guardrails.Testing;

namespace Guardrails.Gate.Tests.Kubernetes;

/// <summary>
/// Runs <c>guardrails analysis ...</c> in process over a Sloth SLO file of the given service, into a temporary
/// directory, and returns what it printed and the manifests it wrote.
/// </summary>
internal sealed record AnalysisRun(int ExitCode, string Output, string Errors, IReadOnlyDictionary<string, string> Files)
{
    public static AnalysisRun Of(string service, params string[] arguments)
    {
        using var slo = new SloFiles();
        return OfFile(slo.Write(service + ".yaml", SloText(service)), arguments);
    }

    /// <summary>The service's SLO file: availability (99.9 %, as the gate tests use) and latency (99 % under 300 ms).</summary>
    public static string SloText(string service) => SloFiles.Availability(service) + LatencySlo(service);

    public static AnalysisRun OfFile(string file, params string[] arguments)
    {
        using var output = TemporaryFolder.Create("guardrails-analysis-");
        var originalOut = Console.Out;
        var originalError = Console.Error;
        using var printed = new StringWriter();
        using var errors = new StringWriter();
        Console.SetOut(printed);
        Console.SetError(errors);
        try
        {
            var exitCode = Guardrails.Cli.Program.CreateApp().Run(["analysis", "--slo", file, "--out", output.Root, .. arguments]);
            var files = Directory.EnumerateFiles(output.Root).ToDictionary(path => Path.GetFileName(path), File.ReadAllText);
            return new AnalysisRun(exitCode, printed.ToString(), errors.ToString(), files);
        }
        finally
        {
            Console.SetOut(originalOut);
            Console.SetError(originalError);
        }
    }

    /// <summary>Every manifest written, as the JSON the API server would receive.</summary>
    public IReadOnlyList<JsonNode> Manifests => Files.OrderBy(file => file.Key, StringComparer.Ordinal).SelectMany(file => YamlJson.Documents(file.Value)).ToList();

    /// <summary>The PromQL of every metric: the AnalysisTemplate's Prometheus queries or the MetricTemplates' queries.</summary>
    public IReadOnlyList<string> Queries => Manifests
        .SelectMany(manifest => manifest["kind"]!.GetValue<string>() switch
        {
            "AnalysisTemplate" => manifest["spec"]!["metrics"]!.AsArray().Select(metric => metric!["provider"]!["prometheus"]!["query"]!.GetValue<string>()),
            "MetricTemplate" => [manifest["spec"]!["query"]!.GetValue<string>()],
            _ => [],
        })
        .ToList();

    public JsonNode Manifest(string kind) => Manifests.Single(manifest => manifest["kind"]!.GetValue<string>() == kind);

    public override string ToString() => $"exit {ExitCode}\n{Output}\n{Errors}";

    /// <summary>A second SLO in the same file: the share of requests slower than 300 ms, 99 %.</summary>
    private static string LatencySlo(string service) => $$$"""

          - name: "latency"
            objective: 99
            labels:
              guardrails_category: latency
            sli:
              events:
                error_query: sum(rate(http_request_duration_seconds_count{service="{{{service}}}"}[{{.window}}])) - sum(rate(http_request_duration_seconds_bucket{service="{{{service}}}",le="0.3"}[{{.window}}]))
                total_query: sum(rate(http_request_duration_seconds_count{service="{{{service}}}"}[{{.window}}]))
            alerting:
              name: HighLatency
              page_alert:
                disable: true
              ticket_alert:
                disable: true
        """;
}
