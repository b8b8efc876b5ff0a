using System;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Guardrails.Gate.Prometheus;
using Guardrails.Gate.Tests.Integration;
using Guardrails.Testing;

namespace Guardrails.Gate.Tests.Kubernetes;

/// <summary>
/// The emitted queries on a real Prometheus holding a known hour of canary traffic: with the controller's
/// variables filled in as the controller fills them, each returns exactly the burn rate the gate reads at the same
/// instant with the same options, and nothing where the gate sees no data. promtool accepts every one.
/// </summary>
[NonParallelizable]
public sealed class AnalysisPrometheusTests
{
    private PrometheusServer server = null!;
    private CanaryTimeline timeline = null!;
    private SloFiles slos = null!;

    [OneTimeSetUp]
    public void StartPrometheus()
    {
        timeline = new CanaryTimeline(DateTimeOffset.UtcNow);
        server = PrometheusServer.Start(timeline.ToOpenMetrics());
        slos = new SloFiles();
    }

    [OneTimeTearDown]
    public void StopPrometheus()
    {
        server?.Dispose();
        slos?.Dispose();
    }

    // Argo fills {{args.track}} from the Rollout step; Flagger fills {{ target }} with the canary's workload name.
    [TestCase("argo", "track=\"{{args.track}}\"", "{{args.track}}", "healthy", 0)]
    [TestCase("argo", "track=\"{{args.track}}\"", "{{args.track}}", "slowburn", 0)]
    [TestCase("argo", "track=\"{{args.track}}\"", "{{args.track}}", "burst", -60)]
    [TestCase("argo", "track=\"{{args.track}}\"", "{{args.track}}", "burst", 120)]
    [TestCase("argo", "track=\"{{args.track}}\"", "{{args.track}}", "flawless", 0)]
    [TestCase("argo", "track=\"{{args.track}}\"", "{{args.track}}", "nocanary", 0)]
    [TestCase("argo", "track=\"{{args.track}}\"", "{{args.track}}", "lowtraffic", 0)]
    [TestCase("flagger", "track=\"{{ target }}\"", "{{ target }}", "healthy", 0)]
    [TestCase("flagger", "track=\"{{ target }}\"", "{{ target }}", "burst", 30)]
    [TestCase("flagger", "track=\"{{ target }}\"", "{{ target }}", "lowtraffic", 0)]
    public async Task The_emitted_query_returns_the_burn_rate_the_gate_reads(string controller, string selector, string variable, string service, int secondsAfterBurstStart)
    {
        var sloFile = slos.Write(service + ".yaml", AnalysisRun.SloText(service));
        var at = timeline.BurstStart.AddSeconds(secondsAfterBurstStart);
        var run = AnalysisRun.OfFile(sloFile, "--for", controller, "--selector", selector, "--window", "1m", "--slo-name", "availability", "--prometheus", server.Address.ToString());
        Assert.That(run.ExitCode, Is.Zero, run.ToString());
        var filledIn = run.Queries.Single().Replace(variable, "canary", StringComparison.Ordinal);

        var plan = new GatePlanBuilder(new GateOptions { Slo = [sloFile], SloName = "availability", Window = "1m", Prometheus = server.Address.ToString() }, _ => null).Build();
        Assert.That(plan, Is.Not.Null);
        using var http = plan!.Connection.CreateHttpClient(plan.Resilience.Timeout);
        var client = new PrometheusQueryClient(http, plan.Connection.Address, plan.Resilience.Build(TimeProvider.System));
        var probe = new PrometheusCanaryProbe(client, plan.Queries, plan.TrafficQuery, plan.MaxBurnRate, plan.Floor);

        var read = await probe.ReadAsync(at, CancellationToken.None);
        var value = await client.QueryAsync(filledIn, at, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(filledIn, Does.Not.Contain("{{"), "every variable filled in");
            if (read.Kind == ReadKind.NoData)
            {
                Assert.That(value, Is.Null, $"the gate saw no data ({read.Detail}); the query must return nothing");
            }
            else
            {
                Assert.That(read.Kind, Is.AnyOf(ReadKind.Good, ReadKind.Bad), read.Detail);
                Assert.That(value, Is.EqualTo(read.Measurements[0].BurnRate), "the very same double as the gate's read");
            }
        });
    }

    [Test]
    public void Promtool_accepts_every_emitted_query([Values("argo", "flagger")] string controller)
    {
        var selector = controller == "argo"
            ? "rollouts_pod_template_hash=\"{{args.canary-hash}}\""
            : "namespace=\"{{ namespace }}\",pod=~\"{{ target }}-[0-9a-zA-Z]+-[0-9a-zA-Z]+\"";
        var run = AnalysisRun.Of("checkout", "--for", controller, "--selector", selector, "--latency-slo-name", "latency");
        Assert.That(run.ExitCode, Is.Zero, run.ToString());
        var rules = new System.Text.StringBuilder("groups:\n  - name: emitted\n    rules:\n");
        var count = 0;
        foreach (var text in run.Queries)
        {
            var filledIn = text.Replace("{{args.canary-hash}}", "6f7b9c5d4", StringComparison.Ordinal)
                .Replace("{{ namespace }}", "shop", StringComparison.Ordinal)
                .Replace("{{ target }}", "checkout", StringComparison.Ordinal);
            count++;
            rules.Append(CultureInfo.InvariantCulture, $"      - record: emitted:burn_rate{count}\n        expr: '{filledIn.Replace("'", "''", StringComparison.Ordinal)}'\n");
        }

        using var folder = TemporaryFolder.Create("guardrails-analysis-promtool-");
        var file = folder.Write("emitted.rules.yaml", rules.ToString());
        var check = Promtool.Run(folder.Root, "check", "rules", file);

        Assert.Multiple(() =>
        {
            Assert.That(count, Is.EqualTo(2), "both SLOs' queries");
            Assert.That(check.ExitCode, Is.Zero, check.Output);
        });
    }
}
