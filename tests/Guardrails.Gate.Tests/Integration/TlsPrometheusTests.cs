using System;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Guardrails.Cli.Commands.Gate;
using Guardrails.Gate;
using Guardrails.Gate.Prometheus;

namespace Guardrails.Gate.Tests.Integration;

/// <summary>A real Prometheus serving https with a certificate from a private CA: trusted only through --ca-bundle.</summary>
[NonParallelizable]
public sealed class TlsPrometheusTests
{
    private readonly TestCertificateAuthority authority = TestCertificateAuthority.Create("guardrails");
    private PrometheusServer server = null!;
    private DirectoryInfo directory = null!;

    [OneTimeSetUp]
    public void StartPrometheusWithTls()
    {
        directory = Directory.CreateTempSubdirectory("guardrails-gate-tls-");
        server = PrometheusServer.Start(new CanaryTimeline(DateTimeOffset.UtcNow).ToOpenMetrics(), authority);
    }

    [OneTimeTearDown]
    public void Stop()
    {
        server?.Dispose();
        directory?.Delete(recursive: true);
    }

    [Test]
    public void The_gate_trusts_the_private_ca_given_as_a_bundle()
    {
        var slo = Path.Combine(directory.FullName, "healthy.yaml");
        File.WriteAllText(slo, SloFiles.Availability("healthy"));

        var run = GateCommandRun.Of(
            "--slo", slo, "--prometheus", server.Address.ToString(),
            "--ca-bundle", authority.WriteCaBundle(directory.FullName), "--interval", "200ms", "--samples", "2", "--warm-up", "0");

        Assert.Multiple(() =>
        {
            Assert.That(server.Address.Scheme, Is.EqualTo("https"));
            Assert.That(run.ExitCode, Is.EqualTo(0), run.ToString());
        });
    }

    [Test]
    public async Task Without_the_bundle_every_read_fails_and_the_gate_rolls_back()
    {
        var outcome = await RunAsync(null);

        Assert.Multiple(() =>
        {
            Assert.That(outcome.Decision.Verdict, Is.EqualTo(GateVerdict.RollBack));
            Assert.That(outcome.Reads.Select(read => read.Kind), Has.All.EqualTo(ReadKind.Error));
            Assert.That(outcome.Reads[0].Detail, Does.Contain("SSL").IgnoreCase);
        });
    }

    [Test]
    public async Task A_bundle_of_another_ca_is_not_trusted()
    {
        var other = new System.Security.Cryptography.X509Certificates.X509Certificate2Collection();
        other.ImportFromPem(TestCertificateAuthority.Create("someone else").CaCertificatePem);

        var outcome = await RunAsync(other);

        Assert.That(outcome.Reads.Select(read => read.Kind), Has.All.EqualTo(ReadKind.Error));
    }

    private async Task<GateOutcome> RunAsync(System.Security.Cryptography.X509Certificates.X509Certificate2Collection? authorities)
    {
        var plan = TestPlans.For("healthy", server.Address, window: "5m") with
        {
            Connection = new PrometheusConnection(server.Address, null, authorities),
            Resilience = new QueryResilience(TimeSpan.FromSeconds(2), 0, TimeSpan.FromMilliseconds(10)),
        };
        using var http = plan.Connection.CreateHttpClient(plan.Resilience.Timeout);
        var client = new PrometheusQueryClient(http, plan.Connection.Address, plan.Resilience.Build(TimeProvider.System));
        var probe = new PrometheusCanaryProbe(client, plan.Queries, plan.TrafficQuery, plan.MaxBurnRate, plan.Floor);
        var gate = new CanaryGate(probe, plan.Schedule, plan.Limits, TimeProvider.System, new PlainGateProgress(TestContext.Progress, plan.Limits.Samples));
        return await gate.RunAsync(CancellationToken.None);
    }
}
