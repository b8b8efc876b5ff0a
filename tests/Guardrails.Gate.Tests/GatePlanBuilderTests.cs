using System;
using System.Collections.Generic;
using System.Linq;
using Guardrails.Gate;

namespace Guardrails.Gate.Tests;

public sealed class GatePlanBuilderTests
{
    [Test]
    public void The_defaults_are_the_documented_ones()
    {
        using var files = new SloFiles();
        var settings = new GateOptions { Slo = [files.Write("checkout.yaml", SloFiles.Availability("checkout"))] };

        var plan = new GatePlanBuilder(settings, _ => null).Build();

        Assert.That(plan, Is.Not.Null);
        Assert.Multiple(() =>
        {
            Assert.That(plan!.Connection.Address, Is.EqualTo(new Uri("http://localhost:9090")));
            Assert.That(plan.Selector, Is.EqualTo("track=\"canary\""));
            Assert.That(plan.Window.Text, Is.EqualTo("5m"));
            Assert.That(plan.MaxBurnRate, Is.EqualTo(14.4));
            Assert.That(plan.Schedule, Is.EqualTo(new GateSchedule(TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(15), WarmUp: TimeSpan.FromMinutes(5))), "the warm-up is one window");
            Assert.That(plan.Limits, Is.EqualTo(new AnalysisLimits(10, 0, 4, 0, NoDataPolicy.Fail)));
            Assert.That(plan.MinRequests, Is.EqualTo(10));
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
        var settings = new GateOptions { Slo = [files.Write("checkout.yaml", SloFiles.Availability("checkout"))] };
        var environment = new Dictionary<string, string> { [variable] = value };

        var plan = new GatePlanBuilder(settings, name => environment.GetValueOrDefault(name)).Build();

        Assert.That(plan?.ServiceVersion, Is.EqualTo(value));
    }

    [Test]
    public void The_token_comes_from_the_named_variable()
    {
        using var files = new SloFiles();
        var settings = new GateOptions { Slo = [files.Write("checkout.yaml", SloFiles.Availability("checkout"))], BearerTokenEnv = "PROM_TOKEN" };

        var plan = new GatePlanBuilder(settings, name => name == "PROM_TOKEN" ? "s3cr3t" : null).Build();

        Assert.That(plan?.Connection.BearerToken, Is.EqualTo("s3cr3t"));
    }

    [Test]
    public void The_queries_are_windowed_and_restricted_to_the_canary()
    {
        using var files = new SloFiles();
        var settings = new GateOptions { Slo = [files.Write("checkout.yaml", SloFiles.Availability("checkout"))], Window = "2m", Selector = "{track=\"canary\"}" };

        var plan = new GatePlanBuilder(settings, _ => null).Build();

        Assert.Multiple(() =>
        {
            Assert.That(plan!.Queries[0].ErrorsQuery, Is.EqualTo("sum(sum(rate(http_requests_total{track=\"canary\",service=\"checkout\",code=~\"5..\"}[2m])))"));
            Assert.That(plan.Queries[0].ErrorBudget, Is.EqualTo(0.001).Within(1e-12));
            Assert.That(plan.TrafficQuery, Is.EqualTo(plan.Queries[0].TotalQuery));
        });
    }

    // The series of the version being released, never those of the canary before it (still in the window).
    [Test]
    public void A_given_service_version_selects_its_series_by_the_version_label()
    {
        using var files = new SloFiles();
        var settings = new GateOptions { Slo = [files.Write("checkout.yaml", SloFiles.Availability("checkout"))], Window = "2m", ServiceVersion = "1.4.0-rc.\"2\"" };

        var plan = new GatePlanBuilder(settings, _ => null).Build();

        Assert.Multiple(() =>
        {
            Assert.That(plan!.Selector, Is.EqualTo("track=\"canary\",version=\"1.4.0-rc.\\\"2\\\"\""));
            Assert.That(plan.Queries[0].TotalQuery, Is.EqualTo("sum(sum(rate(http_requests_total{track=\"canary\",version=\"1.4.0-rc.\\\"2\\\"\",service=\"checkout\"}[2m])))"));
        });
    }

    [TestCase("app_version", null, "track=\"canary\",app_version=\"2.0.0\"")]
    [TestCase("", null, "track=\"canary\"")]
    [TestCase("version", "track=\"canary\",version=~\"2.*\"", "track=\"canary\",version=~\"2.*\"")]
    public void The_version_label_can_be_renamed_turned_off_or_written_in_the_selector(string label, string? selector, string expected)
    {
        using var files = new SloFiles();
        var settings = new GateOptions
        {
            Slo = [files.Write("checkout.yaml", SloFiles.Availability("checkout"))],
            ServiceVersion = "2.0.0",
            VersionLabel = label,
            Selector = selector ?? GateDefaults.Selector,
        };

        var plan = new GatePlanBuilder(settings, _ => null).Build();

        Assert.That(plan!.Selector, Is.EqualTo(expected));
    }

    // Only a version the caller names selects series: the CI system's commit names the record alone.
    [Test]
    public void Without_a_service_version_the_selector_is_left_as_given()
    {
        using var files = new SloFiles();
        var settings = new GateOptions { Slo = [files.Write("checkout.yaml", SloFiles.Availability("checkout"))] };

        var plan = new GatePlanBuilder(settings, name => name == "GITHUB_SHA" ? "4f2c1e9" : null).Build();

        Assert.That(plan!.Selector, Is.EqualTo(GateDefaults.Selector));
    }

    [TestCase("window", 120)]
    [TestCase("0", 0)]
    [TestCase("45s", 45)]
    public void The_warm_up_is_the_window_none_or_a_duration(string warmUp, int seconds)
    {
        using var files = new SloFiles();
        var settings = new GateOptions { Slo = [files.Write("checkout.yaml", SloFiles.Availability("checkout"))], Window = "2m", WarmUp = warmUp };

        var plan = new GatePlanBuilder(settings, _ => null).Build();

        Assert.That(plan!.Schedule.WarmUp, Is.EqualTo(TimeSpan.FromSeconds(seconds)));
    }

    // validate and rules skip build output, packages and hidden folders; the gate searches the same way, so a copy
    // of the SLO file under bin/ or a broken one under node_modules/ does not stop it.
    [Test]
    public void A_slo_folder_is_searched_like_validate_searches_it()
    {
        using var files = new SloFiles();
        files.Write("slo/checkout.yaml", SloFiles.Availability("checkout"));
        foreach (var skipped in new[] { "bin/Debug", "obj", "node_modules/some-package", ".git" })
        {
            files.Write($"slo/{skipped}/copy.yaml", "slos: [ not yaml");
        }

        var builder = new GatePlanBuilder(new GateOptions { Slo = [System.IO.Path.Combine(files.Directory, "slo")] }, _ => null);
        var plan = builder.Build();

        Assert.That(builder.SloFindings.Concat(builder.Problems.Select(problem => (object)problem)), Is.Empty);
        Assert.That(plan?.Service, Is.EqualTo("checkout"));
    }

    [Test]
    public void A_folder_with_slo_files_only_under_skipped_folders_says_what_was_not_searched()
    {
        using var files = new SloFiles();
        files.Write("slo/bin/checkout.yaml", SloFiles.Availability("checkout"));

        var builder = new GatePlanBuilder(new GateOptions { Slo = [System.IO.Path.Combine(files.Directory, "slo")] }, _ => null);

        Assert.That(builder.Build(), Is.Null);
        Assert.That(builder.Problems.Single().Message, Does.Contain("bin, obj and node_modules are not searched"));
    }
}
