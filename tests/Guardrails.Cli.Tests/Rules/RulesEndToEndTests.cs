using System;
using System.IO;
using Guardrails.Cli.Commands.Rules;
using Guardrails.Testing;

namespace Guardrails.Cli.Tests.Rules;

/// <summary>A Sloth spec in, through the registered command, rule files out that Prometheus' own checker accepts.</summary>
public sealed class RulesEndToEndTests
{
    private const string SlothSpec = """
        version: "prometheus/v1"
        service: "myservice"
        labels:
          owner: "myteam"
        slos:
          - name: "requests-availability"
            objective: 99.9
            labels:
              guardrails_category: availability
            sli:
              events:
                error_query: sum(rate(http_requests_total{job="myservice",code=~"5.."}[{{.window}}]))
                total_query: sum(rate(http_requests_total{job="myservice"}[{{.window}}]))
            alerting:
              name: MyServiceHighErrorRate
              annotations:
                runbook_url: docs/runbooks/myservice.md
              page_alert:
                labels:
                  severity: pageteam
              ticket_alert:
                disable: true
          - name: "requests-latency"
            objective: 99
            labels:
              guardrails_category: latency
            sli:
              raw:
                error_ratio_query: 1 - (sum(rate(http_request_duration_seconds_bucket{job="myservice",le="0.3"}[{{.window}}])) / sum(rate(http_request_duration_seconds_count{job="myservice"}[{{.window}}])))
            alerting:
              name: MyServiceSlowRequests
              annotations:
                runbook_url: docs/runbooks/myservice.md
        """;

    private TemporaryFolder folder = null!;

    [SetUp]
    public void CreateDirectory()
    {
        folder = TemporaryFolder.Create("guardrails-rules-e2e-");
        folder.Write(Path.Combine("slo", "myservice.yaml"), SlothSpec);
    }

    [TearDown]
    public void DeleteDirectory() => folder.Dispose();

    [Test]
    public void Sloth_spec_becomes_a_rule_file_promtool_accepts()
    {
        var outputDirectory = Path.Combine(folder.Root, "rules");
        var exitCode = RunGuardrails(["rules", Path.Combine(folder.Root, "slo"), "--out", outputDirectory], out var printed);
        var ruleFile = Path.Combine(outputDirectory, "myservice.rules.yml");

        Assert.That(exitCode, Is.EqualTo(RuleGeneration.Success), printed);
        var text = File.ReadAllText(ruleFile);
        Assert.Multiple(() =>
        {
            Assert.That(printed, Does.Contain("myservice.rules.yml (2 SLOs)"));
            Assert.That(text, Does.Contain("alert: MyServiceHighErrorRate").And.Contain("alert: MyServiceSlowRequests"));
            Assert.That(text, Does.Contain("runbook_url: docs/runbooks/myservice.md"));
            Assert.That(text, Does.Contain("> (14.4 * 0.0009999999999999432)"));
        });

        var (promtoolExit, promtoolOutput) = Promtool.Run(outputDirectory, "check", "rules", "myservice.rules.yml");
        Assert.That(promtoolExit, Is.Zero, promtoolOutput);
    }

    private static int RunGuardrails(string[] arguments, out string printed)
    {
        var originalOut = Console.Out;
        var originalError = Console.Error;
        using var captured = new StringWriter();
        Console.SetOut(captured);
        Console.SetError(captured);
        try
        {
            return Program.CreateApp().Run(arguments);
        }
        finally
        {
            Console.SetOut(originalOut);
            Console.SetError(originalError);
            printed = captured.ToString();
        }
    }
}
