using System;
using System.Collections.Generic;
using Guardrails.Cli.Commands.Gate;
using Guardrails.Gate;

namespace Guardrails.Gate.Tests;

public sealed class GatePlanBinderTests
{
    [Test]
    public void The_defaults_are_the_documented_ones()
    {
        using var files = new SloFiles();
        var settings = new GateCommandSettings { Slo = [files.Write("checkout.yaml", SloFiles.Availability("checkout"))] };

        var plan = new GatePlanBinder(settings, _ => null).Bind();

        Assert.That(plan, Is.Not.Null);
        Assert.Multiple(() =>
        {
            Assert.That(plan!.Connection.Address, Is.EqualTo(new Uri("http://localhost:9090")));
            Assert.That(plan.Selector, Is.EqualTo("track=\"canary\""));
            Assert.That(plan.Window.Text, Is.EqualTo("5m"));
            Assert.That(plan.MaxBurnRate, Is.EqualTo(14.4));
            Assert.That(plan.Schedule, Is.EqualTo(new GateSchedule(TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(10))));
            Assert.That(plan.Limits, Is.EqualTo(new AnalysisLimits(10, 0, 4, 0, NoDataPolicy.Fail)));
            Assert.That(plan.MinRequestsPerSecond, Is.EqualTo(1));
            Assert.That(plan.Resilience, Is.EqualTo(new Guardrails.Gate.Prometheus.QueryResilience(TimeSpan.FromSeconds(10), 2, TimeSpan.FromSeconds(1))));
            Assert.That(plan.Connection.BearerToken, Is.Null);
            Assert.That(plan.Connection.TrustedCertificateAuthorities, Is.Null);
            Assert.That(plan.RecordPath, Is.Null);
            Assert.That(plan.ServiceVersion, Is.EqualTo("unknown"));
            Assert.That(plan.Step, Is.Null);
        });
    }

    [TestCase("GITHUB_SHA", "4f2c1e9")]
    [TestCase("BUILD_SOURCEVERSION", "a1b2c3d")]
    public void The_version_defaults_to_the_ci_systems_commit(string variable, string value)
    {
        using var files = new SloFiles();
        var settings = new GateCommandSettings { Slo = [files.Write("checkout.yaml", SloFiles.Availability("checkout"))] };
        var environment = new Dictionary<string, string> { [variable] = value };

        var plan = new GatePlanBinder(settings, name => environment.GetValueOrDefault(name)).Bind();

        Assert.That(plan?.ServiceVersion, Is.EqualTo(value));
    }

    [Test]
    public void The_token_comes_from_the_named_variable()
    {
        using var files = new SloFiles();
        var settings = new GateCommandSettings { Slo = [files.Write("checkout.yaml", SloFiles.Availability("checkout"))], BearerTokenEnv = "PROM_TOKEN" };

        var plan = new GatePlanBinder(settings, name => name == "PROM_TOKEN" ? "s3cr3t" : null).Bind();

        Assert.That(plan?.Connection.BearerToken, Is.EqualTo("s3cr3t"));
    }

    [Test]
    public void The_queries_are_windowed_and_restricted_to_the_canary()
    {
        using var files = new SloFiles();
        var settings = new GateCommandSettings { Slo = [files.Write("checkout.yaml", SloFiles.Availability("checkout"))], Window = "2m", Selector = "{track=\"canary\"}" };

        var plan = new GatePlanBinder(settings, _ => null).Bind();

        Assert.Multiple(() =>
        {
            Assert.That(plan!.Queries[0].ErrorsQuery, Is.EqualTo("sum(sum(rate(http_requests_total{track=\"canary\",service=\"checkout\",code=~\"5..\"}[2m])))"));
            Assert.That(plan.Queries[0].ErrorBudget, Is.EqualTo(0.001).Within(1e-12));
            Assert.That(plan.TrafficQuery, Is.EqualTo(plan.Queries[0].TotalQuery));
        });
    }
}
