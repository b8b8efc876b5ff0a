using System;
using System.IO;

namespace Guardrails.Gate.Tests;

/// <summary>Configuration errors: exit code 2, a GR52xx ID, and the file and line when a file is to blame. No Prometheus needed.</summary>
[NonParallelizable]
public sealed class GateCommandTests
{
    private SloFiles files = null!;

    [SetUp]
    public void CreateFiles() => files = new SloFiles();

    [TearDown]
    public void DeleteFiles() => files.Dispose();

    [Test]
    public void An_unknown_slo_name_lists_the_slos_there_are()
    {
        var slo = files.Write("checkout.yaml", SloFiles.Availability("checkout"));

        var run = GateCommandRun.Of("--slo", slo, "--slo-name", "latency");

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(2), run.ToString());
            Assert.That(run.Errors, Does.Contain($"{slo}(1,1,1,1): error GR5201: --slo-name 'latency' is not an SLO").And.Contain("checkout-availability"));
        });
    }

    [Test]
    public void Every_option_error_is_reported_in_one_run()
    {
        var slo = files.Write("checkout.yaml", SloFiles.Availability("checkout"));

        var run = GateCommandRun.Of("--slo", slo, "--interval", "soon", "--window", "0m", "--samples", "0", "--on-no-data", "ignore", "--max-burn-rate", "-1", "--selector", "track=canary", "--warm-up", "later", "--version-label", "app-version", "--min-requests", "-1");

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(2), run.ToString());
            Assert.That(run.Errors, Does.Contain("error GR5205: --interval 'soon'"));
            Assert.That(run.Errors, Does.Contain("error GR5205: --window '0m'"));
            Assert.That(run.Errors, Does.Contain("error GR5205: --samples 0"));
            Assert.That(run.Errors, Does.Contain("error GR5205: --on-no-data 'ignore'"));
            Assert.That(run.Errors, Does.Contain("error GR5205: --max-burn-rate -1"));
            Assert.That(run.Errors, Does.Contain("error GR5202: --selector 'track=canary'"));
            Assert.That(run.Errors, Does.Contain("error GR5205: --warm-up 'later' is not 'window'"));
            Assert.That(run.Errors, Does.Contain("error GR5205: --version-label 'app-version' is not a Prometheus label name"));
            Assert.That(run.Errors, Does.Contain("error GR5205: --min-requests -1 must be 0 or more."));
        });
    }

    [Test]
    public void An_sli_that_already_selects_the_canary_label_points_at_the_slo()
    {
        var slo = files.Write("checkout.yaml", SloFiles.Availability("checkout", errorQuery: "sum(rate(http_requests_total{track=\"stable\",code=~\"5..\"}[{{.window}}]))"));

        var run = GateCommandRun.Of("--slo", slo);

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(2), run.ToString());
            Assert.That(run.Errors, Does.Match(@$"{System.Text.RegularExpressions.Regex.Escape(slo)}\(\d+,\d+,\d+,\d+\): error GR5204: SLO 'checkout-availability'.*already matches on 'track'"));
        });
    }

    [Test]
    public void A_schedule_longer_than_the_deadline_is_refused_before_any_query()
    {
        var slo = files.Write("checkout.yaml", SloFiles.Availability("checkout"));

        var run = GateCommandRun.Of("--slo", slo, "--samples", "20", "--interval", "1m", "--deadline", "10m");

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(2), run.ToString());
            Assert.That(run.Errors, Does.Contain("error GR5206: --warm-up 5m then --samples 20 every --interval 1m need 24m until the last read"));
        });
    }

    [Test]
    public void A_missing_token_variable_or_ca_bundle_is_a_connection_error()
    {
        var slo = files.Write("checkout.yaml", SloFiles.Availability("checkout"));
        var bundle = files.Write("ca.pem", "not a certificate");

        var run = GateCommandRun.Of("--slo", slo, "--bearer-token-env", "GUARDRAILS_TEST_UNSET_TOKEN", "--ca-bundle", bundle, "--prometheus", "prometheus:9090");

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(2), run.ToString());
            Assert.That(run.Errors, Does.Contain("error GR5208: --prometheus 'prometheus:9090'"));
        });
    }

    [Test]
    public void A_ca_bundle_without_certificates_is_reported_at_the_file()
    {
        var slo = files.Write("checkout.yaml", SloFiles.Availability("checkout"));
        var bundle = files.Write("ca.pem", "not a certificate");

        var run = GateCommandRun.Of("--slo", slo, "--ca-bundle", bundle, "--bearer-token-env", "GUARDRAILS_TEST_UNSET_TOKEN");

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(2), run.ToString());
            Assert.That(run.Errors, Does.Contain($"{bundle}(1,1,1,1): error GR5208: --ca-bundle holds no"));
            Assert.That(run.Errors, Does.Contain("error GR5208: --bearer-token-env names GUARDRAILS_TEST_UNSET_TOKEN, which is not set"));
        });
    }

    [Test]
    public void An_objective_of_100_percent_leaves_no_budget_to_burn()
    {
        var slo = files.Write("checkout.yaml", SloFiles.Availability("checkout", objective: "100"));

        var run = GateCommandRun.Of("--slo", slo);

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(2), run.ToString());
            // The SLO reading refuses it as validate and the build do (GR3030), at the objective.
            Assert.That(run.Errors, Does.Contain($"{slo}(5,16,").And.Contain("error GR3030: SLO 'checkout-availability' has an objective of 100 %"));
        });
    }

    [Test]
    public void Errors_in_the_slo_file_stop_the_gate_with_their_own_findings()
    {
        var slo = files.Write("checkout.yaml", SloFiles.Availability("checkout", objective: "150"));

        var run = GateCommandRun.Of("--slo", slo);

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(2), run.ToString());
            Assert.That(run.Errors, Does.Contain("error GR3").And.Contain("error GR5210"));
        });
    }

    [Test]
    public void A_path_that_does_not_exist_is_reported()
    {
        var run = GateCommandRun.Of("--slo", Path.Combine(files.Directory, "missing.yaml"));

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(2), run.ToString());
            Assert.That(run.Errors, Does.Contain("error GR5210: --slo"));
        });
    }

    [Test]
    public void A_raw_sli_needs_a_traffic_query_for_the_floor()
    {
        var slo = files.Write("checkout.yaml", """
            version: "prometheus/v1"
            service: "checkout"
            slos:
              - name: "latency"
                objective: 99
                labels:
                  guardrails_category: latency
                sli:
                  raw:
                    error_ratio_query: 1 - (sum(rate(latency_bucket{le="0.5"}[{{.window}}])) / sum(rate(latency_count[{{.window}}])))
                alerting:
                  page_alert:
                    disable: true
                  ticket_alert:
                    disable: true
            """);

        var run = GateCommandRun.Of("--slo", slo);

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(2), run.ToString());
            Assert.That(run.Errors, Does.Match(@"\(\d+,\d+,\d+,\d+\): error GR5207: SLO 'checkout-latency' gives only an error-ratio query"));
        });
    }

    [Test]
    public void Several_slos_need_a_name()
    {
        files.Write("a.yaml", SloFiles.Availability("checkout"));
        files.Write("b.yaml", SloFiles.Availability("payments"));

        var run = GateCommandRun.Of("--slo", files.Directory);

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(2), run.ToString());
            Assert.That(run.Errors, Does.Contain("error GR5201: Choose the SLO to gate on with --slo-name").And.Contain("checkout-availability, payments-availability"));
        });
    }

    [Test]
    public void Empty_optional_options_from_unset_pipeline_variables_mean_not_given()
    {
        var slo = files.Write("checkout.yaml", SloFiles.Availability("checkout"));

        var run = GateCommandRun.Of("--slo", slo, "--slo-name", "", "--latency-slo-name", " ", "--record", "", "--bearer-token-env", "", "--ca-bundle", "", "--samples", "0");

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(2), run.ToString());
            Assert.That(run.Errors.Trim(), Is.EqualTo("guardrails gate: error GR5205: --samples 0 must be at least 1."), "only the real mistake is reported");
        });
    }

    [Test]
    public void An_empty_slo_name_picks_the_only_slo()
    {
        var slo = files.Write("checkout.yaml", SloFiles.Availability("checkout"));
        using var server = new Integration.FakePrometheus(_ => Integration.FakeAnswer.Ok(10));

        var run = GateCommandRun.Of("--slo", slo, "--slo-name", "", "--record", "", "--prometheus", server.Address.ToString(), "--samples", "1", "--max-burn-rate", "5000", "--warm-up", "0");

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(0), run.ToString());
            Assert.That(run.Output, Does.Contain("SLO availability on track=\"canary\""));
        });
    }
}
