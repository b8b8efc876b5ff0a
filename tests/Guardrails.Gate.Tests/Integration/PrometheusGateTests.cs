using System;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Guardrails.Cli.Commands.Gate;
using Guardrails.Gate;
using Guardrails.Gate.Prometheus;
using Microsoft.Extensions.Time.Testing;

namespace Guardrails.Gate.Tests.Integration;

/// <summary>
/// The gate against a real Prometheus holding a known hour of canary traffic. Reads placed in that hour
/// run on a fake clock (each read is a real query at the fake instant), so a burst half an hour ago is
/// seen at exactly the read the maths predicts, without waiting half an hour.
/// </summary>
[NonParallelizable]
public sealed class PrometheusGateTests
{
    private PrometheusServer server = null!;
    private CanaryTimeline timeline = null!;

    [OneTimeSetUp]
    public void StartPrometheus()
    {
        timeline = new CanaryTimeline(DateTimeOffset.UtcNow);
        server = PrometheusServer.Start(timeline.ToOpenMetrics());
    }

    [OneTimeTearDown]
    public void StopPrometheus() => server?.Dispose();

    [Test]
    public async Task A_healthy_canary_promotes()
    {
        var outcome = await RunOnTimelineAsync(TestPlans.For("healthy", server.Address), timeline.BurstStart);

        Assert.Multiple(() =>
        {
            Assert.That(outcome.Decision.Verdict, Is.EqualTo(GateVerdict.Promote), outcome.Decision.Reason);
            Assert.That(outcome.Reads, Has.Count.EqualTo(5));
            Assert.That(outcome.Reads.Select(read => read.Measurements[0].BurnRate), Has.All.EqualTo(0.5).Within(0.01), "0.05 % errors against a 0.1 % budget");
            Assert.That(outcome.Reads.Select(read => read.RequestsPerSecond), Has.All.EqualTo(10).Within(0.01), "the canary's traffic only, not the stable's 100 req/s");
        });
    }

    [TestCase(0, 5)]
    [TestCase(1, 6)]
    public async Task An_error_burst_rolls_back_at_the_expected_read(int failureLimit, int expectedReads)
    {
        var plan = TestPlans.For("burst", server.Address, samples: 10) with
        {
            Limits = new AnalysisLimits(10, failureLimit, 2, 0, NoDataPolicy.Fail),
        };

        // Reads every 30 s from 90 s before the burst: reads 1-4 see none of it (read 4 is at its very start),
        // read 5's one-minute window is half burst: 10 % errors, burn rate about 100.
        var outcome = await RunOnTimelineAsync(plan, timeline.BurstStart.AddSeconds(-90), TimeSpan.FromSeconds(30));

        Assert.Multiple(() =>
        {
            Assert.That(outcome.Decision.Verdict, Is.EqualTo(GateVerdict.RollBack), outcome.Decision.Reason);
            Assert.That(outcome.Reads, Has.Count.EqualTo(expectedReads));
            Assert.That(outcome.Reads.Take(4).Select(read => read.Kind), Has.All.EqualTo(ReadKind.Good));
            Assert.That(outcome.Reads[4].Measurements[0].BurnRate, Is.GreaterThan(50));
        });
    }

    [Test]
    public async Task A_slow_burn_under_the_threshold_promotes()
    {
        var outcome = await RunOnTimelineAsync(TestPlans.For("slowburn", server.Address), timeline.BurstStart);

        Assert.Multiple(() =>
        {
            Assert.That(outcome.Decision.Verdict, Is.EqualTo(GateVerdict.Promote), outcome.Decision.Reason);
            Assert.That(outcome.Reads.Select(read => read.Measurements[0].BurnRate), Has.All.EqualTo(5).Within(0.05));
        });
    }

    [Test]
    public async Task The_same_slow_burn_rolls_back_under_a_stricter_threshold()
    {
        var plan = TestPlans.For("slowburn", server.Address) with { MaxBurnRate = 4 };

        var outcome = await RunOnTimelineAsync(plan, timeline.BurstStart);

        Assert.Multiple(() =>
        {
            Assert.That(outcome.Decision.Verdict, Is.EqualTo(GateVerdict.RollBack));
            Assert.That(outcome.Reads, Has.Count.EqualTo(1));
        });
    }

    [TestCase("Fail", "RollBack", 1)]
    [TestCase("Pass", "Promote", 5)]
    [TestCase("Inconclusive", "Inconclusive", 1)]
    public async Task No_canary_traffic_follows_the_no_data_policy(string policy, string verdict, int reads)
    {
        var plan = TestPlans.For("nocanary", server.Address, onNoData: Enum.Parse<NoDataPolicy>(policy));

        var outcome = await RunOnTimelineAsync(plan, timeline.BurstStart);

        Assert.Multiple(() =>
        {
            Assert.That(outcome.Decision.Verdict, Is.EqualTo(Enum.Parse<GateVerdict>(verdict)), outcome.Decision.Reason);
            Assert.That(outcome.Reads, Has.Count.EqualTo(reads));
            Assert.That(outcome.Reads.Select(read => read.Kind), Has.All.EqualTo(ReadKind.NoData));
            Assert.That(outcome.Reads[0].Detail, Does.Contain("no traffic series"));
        });
    }

    [Test]
    public async Task Traffic_under_the_floor_is_no_data()
    {
        var outcome = await RunOnTimelineAsync(TestPlans.For("lowtraffic", server.Address), timeline.BurstStart);

        Assert.Multiple(() =>
        {
            Assert.That(outcome.Decision.Verdict, Is.EqualTo(GateVerdict.RollBack));
            Assert.That(outcome.Reads[0].Kind, Is.EqualTo(ReadKind.NoData));
            Assert.That(outcome.Reads[0].Detail, Does.Contain("12 requests in the 1m window (0.2 req/s), under the floor of --min-requests 60"));
        });
    }

    [Test]
    public async Task Traffic_over_a_lower_floor_counts()
    {
        var plan = TestPlans.For("lowtraffic", server.Address) with { MinRequests = 6 };

        var outcome = await RunOnTimelineAsync(plan, timeline.BurstStart);

        Assert.That(outcome.Decision.Verdict, Is.EqualTo(GateVerdict.Promote), outcome.Decision.Reason);
    }

    [Test]
    public async Task A_canary_without_any_error_series_has_a_zero_burn_rate()
    {
        var outcome = await RunOnTimelineAsync(TestPlans.For("flawless", server.Address), timeline.BurstStart);

        Assert.Multiple(() =>
        {
            Assert.That(outcome.Decision.Verdict, Is.EqualTo(GateVerdict.Promote), outcome.Decision.Reason);
            Assert.That(outcome.Reads.Select(read => read.Measurements[0].BurnRate), Has.All.EqualTo(0));
        });
    }

    [Test]
    public async Task A_healthy_canary_promotes_in_real_time_and_writes_the_record()
    {
        var record = Path.Combine(Path.GetTempPath(), "guardrails-gate-" + Guid.NewGuid().ToString("N") + ".json");
        try
        {
            var plan = TestPlans.For("healthy", server.Address, window: "5m", samples: 3) with { RecordPath = record, Step = "25%" };
            using var output = new StringWriter();

            var exitCode = await GateRunner.RunAsync(plan, new PlainGateProgress(output, 3), output, output, TimeProvider.System, CancellationToken.None);

            var json = await File.ReadAllTextAsync(record);
            Assert.Multiple(() =>
            {
                Assert.That(exitCode, Is.EqualTo(0), output.ToString());
                Assert.That(output.ToString(), Does.Contain("gate: read 3/3").And.Contain("gate: decision: promote"));
                Assert.That(json, Does.Contain("\"service\": \"healthy\"").And.Contain("\"step\": \"25%\"").And.Contain("\"decision\": \"promote\""));
            });
        }
        finally
        {
            File.Delete(record);
        }
    }

    [Test]
    public async Task A_query_prometheus_rejects_is_a_configuration_error()
    {
        var plan = TestPlans.For("healthy", server.Address) with { TrafficQuery = "sum(http_requests_total{track=\"canary\"}) +" };
        using var output = new StringWriter();

        var exitCode = await GateRunner.RunAsync(plan, new PlainGateProgress(output, 5), output, output, TimeProvider.System, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(exitCode, Is.EqualTo(GateExitCodes.ConfigurationError));
            Assert.That(output.ToString(), Does.Contain("error GR5209").And.Contain("bad_data"));
        });
    }

    [Test]
    public async Task The_command_promotes_a_healthy_canary_and_records_each_step()
    {
        using var files = new SloFiles();
        var slo = files.Write("healthy.yaml", SloFiles.Availability("healthy"));
        var record = Path.Combine(files.Directory, "records", "deployment.json");
        string[] arguments = ["--slo", slo, "--prometheus", server.Address.ToString(), "--interval", "200ms", "--samples", "3", "--warm-up", "0", "--record", record, "--service-version", "2.0.0", "--version-label", ""];

        var first = await GateCommandRun.OfAsync([.. arguments, "--step", "10%"]);
        var second = await GateCommandRun.OfAsync([.. arguments, "--step", "50%"]);

        var json = await File.ReadAllTextAsync(record);
        Assert.Multiple(() =>
        {
            Assert.That(first.ExitCode, Is.EqualTo(0), first.ToString());
            Assert.That(second.ExitCode, Is.EqualTo(0), second.ToString());
            Assert.That(first.Output, Does.Contain("gate: read 1/3").And.Contain("availability burn rate 0.5"));
            Assert.That(json, Does.Contain("\"step\": \"10%\"").And.Contain("\"step\": \"50%\"").And.Contain("\"version\": \"2.0.0\""));
        });
    }

    [Test]
    public async Task The_command_rolls_back_a_failing_canary_with_exit_code_1()
    {
        using var files = new SloFiles();
        var slo = files.Write("burst.yaml", SloFiles.Availability("burst"));

        var run = await GateCommandRun.OfAsync("--slo", slo, "--prometheus", server.Address.ToString(), "--interval", "200ms", "--samples", "3", "--warm-up", "0");

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(1), run.ToString());
            Assert.That(run.Output, Does.Contain("gate: decision: roll back: read 1 was bad"));
        });
    }

    // Go templates, Sloth and the rule generator accept any spacing inside the action; so does the gate.
    [TestCase("{{ .window }}")]
    [TestCase("{{.window  }}")]
    [TestCase("{{- .window -}}")]
    public async Task An_sli_written_with_spaces_in_the_window_placeholder_is_measured(string placeholder)
    {
        using var files = new SloFiles();
        var spaced = SloFiles.Availability("healthy").Replace("{{.window}}", placeholder, StringComparison.Ordinal);
        var slo = files.Write("healthy.yaml", spaced);

        var run = await GateCommandRun.OfAsync("--slo", slo, "--prometheus", server.Address.ToString(), "--interval", "200ms", "--samples", "2", "--warm-up", "0");

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(0), run.ToString());
            Assert.That(run.Output, Does.Contain("availability burn rate 0.5"));
        });
    }

    [Test]
    public async Task A_query_prometheus_rejects_is_reported_with_the_rendered_query_and_the_slo_file()
    {
        using var files = new SloFiles();
        var errorQuery = "sum(rate_of_errors(http_requests_total{service=\"healthy\",code=~\"5..\"}[{{ .window }}]))";
        var slo = files.Write("healthy.yaml", SloFiles.Availability("healthy", errorQuery));

        var run = await GateCommandRun.OfAsync("--slo", slo, "--prometheus", server.Address.ToString(), "--interval", "200ms", "--samples", "2", "--window", "2m", "--warm-up", "0");

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(GateExitCodes.ConfigurationError), run.ToString());
            Assert.That(run.Errors, Does.Contain("error GR5209").And.Contain("bad_data"));
            Assert.That(run.Errors, Does.StartWith(Path.GetFullPath(slo) + "("), "the line points at the SLO file");
            Assert.That(run.Errors, Does.Contain("SLO 'availability'"));
            Assert.That(run.Errors, Does.Contain("sum(sum(rate_of_errors(http_requests_total{track=\"canary\",service=\"healthy\",code=~\"5..\"}[2m])))"), "the query as rendered and sent");
        });
    }

    // The single expression a Kubernetes analysis evaluates gives the burn rate the gate's reads give.
    [TestCase("healthy", 60, 0.5)]
    [TestCase("burst", 60, 200.0)]
    [TestCase("flawless", 60, 0.0)]
    [TestCase("slowburn", 0, 5.0)]
    public async Task The_burn_rate_expression_is_the_burn_rate_prometheus_computes(string service, int minRequests, double expected)
    {
        var plan = TestPlans.For(service, server.Address) with { MinRequests = minRequests };

        var value = await QueryAtAsync(CanaryBurnRateExpression.For(plan.Queries[0], plan.TrafficQuery, plan.Floor), timeline.BurstStart.AddMinutes(5));

        Assert.That(value, Is.EqualTo(expected).Within(expected * 0.01 + 0.001));
    }

    [TestCase("lowtraffic")]
    [TestCase("nocanary")]
    public async Task The_burn_rate_expression_is_empty_under_the_traffic_floor(string service)
    {
        var plan = TestPlans.For(service, server.Address);

        var value = await QueryAtAsync(CanaryBurnRateExpression.For(plan.Queries[0], plan.TrafficQuery, plan.Floor), timeline.BurstStart.AddMinutes(5));

        Assert.That(value, Is.Null);
    }

    private async Task<double?> QueryAtAsync(string promQl, DateTimeOffset at)
    {
        using var http = new HttpClient();
        var resilience = new QueryResilience(TimeSpan.FromSeconds(5), 0, TimeSpan.FromMilliseconds(50));
        var client = new PrometheusQueryClient(http, server.Address, resilience.Build(TimeProvider.System));
        return await client.QueryAsync(promQl, at, CancellationToken.None);
    }

    /// <summary>The injector's cases, named for what is checked here.</summary>
    public static TestCaseData[] InjectedQueries =>
        [.. CanarySelectorInjectorTests.Injections.Select(injection => new TestCaseData(injection.Arguments).SetName("Prometheus parses the injected query: " + injection.TestName))];

    [TestCaseSource(nameof(InjectedQueries))]
    public async Task Prometheus_parses_every_injected_query(string query, string injected)
    {
        using var http = new HttpClient();
        var uri = new Uri(server.Address, "api/v1/query?query=" + Uri.EscapeDataString(injected));

        using var response = await http.GetAsync(uri);

        Assert.That(response.IsSuccessStatusCode, Is.True, await response.Content.ReadAsStringAsync());
    }

    /// <summary>Runs the gate with real queries whose evaluation instants walk the timeline on a fake clock.</summary>
    private static async Task<GateOutcome> RunOnTimelineAsync(GatePlan plan, DateTimeOffset firstRead, TimeSpan? interval = null)
    {
        var time = new FakeTimeProvider(firstRead);
        using var http = plan.Connection.CreateHttpClient(plan.Resilience.Timeout);
        var client = new PrometheusQueryClient(http, plan.Connection.Address, plan.Resilience.Build(TimeProvider.System));
        var probe = new PrometheusCanaryProbe(client, plan.Queries, plan.TrafficQuery, plan.MaxBurnRate, plan.Floor);
        var schedule = new GateSchedule(interval ?? TimeSpan.FromSeconds(30), TimeSpan.FromHours(1));
        var gate = new CanaryGate(probe, schedule, plan.Limits, time, new PlainGateProgress(TestContext.Progress, plan.Limits.Samples), (wait, cancellationToken) =>
        {
            time.Advance(wait);
            return Task.CompletedTask;
        });
        return await gate.RunAsync(CancellationToken.None);
    }
}
