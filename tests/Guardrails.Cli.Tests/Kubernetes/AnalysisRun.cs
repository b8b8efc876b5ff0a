using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using Guardrails.Cli.Tests.Gate;
using Guardrails.Testing;

namespace Guardrails.Cli.Tests.Kubernetes;

/// <summary>
/// Runs <c>guardrails analysis ...</c> in process over a Sloth SLO file of the given service, into a temporary
/// directory, and returns what it printed and the manifests it wrote.
/// </summary>
internal sealed record AnalysisRun(int ExitCode, string Output, string Errors, IReadOnlyDictionary<string, string> Files)
{
    public static AnalysisRun Of(string service, params string[] arguments)
    {
        using var slo = new SloFiles();
        var file = slo.Write(service + ".yaml", SloFiles.Availability(service) + LatencySlo(service));
        using var output = TemporaryFolder.Create("guardrails-analysis-");
        var originalOut = Console.Out;
        var originalError = Console.Error;
        using var printed = new StringWriter();
        using var errors = new StringWriter();
        Console.SetOut(printed);
        Console.SetError(errors);
        try
        {
            var exitCode = Program.CreateApp().Run(["analysis", "--slo", file, "--out", output.Root, .. arguments]);
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
