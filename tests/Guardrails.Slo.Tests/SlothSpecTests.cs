namespace Guardrails.Slo.Tests;

/// <summary>The rules of <c>sloth validate</c> for prometheus/v1 specs, each with its position.</summary>
public sealed class SlothSpecTests
{
    [Test]
    public void The_valid_sample_has_no_findings_in_either_mode()
    {
        Assert.That(Validate.Text(Sample.Sloth, Validate.SpecOnly).Findings, Is.Empty);
        Assert.That(Validate.Text(Sample.Sloth, Validate.Full).Findings, Is.Empty);
    }

    [Test]
    public void A_query_without_the_window_variable_is_reported_at_the_query()
    {
        var finding = Validate.Text(Sample.Sloth.With("code=~\"(5..|429)\"}[{{.window}}]", "code=~\"(5..|429)\"}[5m]")).Only();

        Assert.That((finding.Rule, finding.At()), Is.EqualTo((SloRules.QueryWithoutWindow, (12, 22))));
    }

    [Test]
    public void The_window_variable_may_have_spaces_inside_the_braces()
    {
        Assert.That(Validate.Text(Sample.Sloth.With("[{{.window}}]))\n        total_query", "[{{ .window }}]))\n        total_query")).Findings, Is.Empty);
    }

    [Test]
    public void A_raw_query_without_the_window_variable_is_reported()
    {
        var yaml = Sample.Sloth.With("error_ratio_query: 1 - (sum(rate(http_request_duration_seconds_bucket{job=\"payments\",le=\"0.5\"}[{{.window}}])) / sum(rate(http_request_duration_seconds_count{job=\"payments\"}[{{.window}}])))", "error_ratio_query: slo:error_ratio:rate5m");

        Assert.That(Validate.Text(yaml).Only().At(), Is.EqualTo((32, 28)));
    }

    [Test]
    public void Identical_error_and_total_queries_are_reported()
    {
        var yaml = Sample.Sloth.With("error_query: sum(rate(http_requests_total{job=\"payments\",code=~\"(5..|429)\"}[{{.window}}]))", "error_query: sum(rate(http_requests_total{job=\"payments\"}[{{.window}}]))");

        Assert.That((Validate.Text(yaml).Only().Rule, Validate.Text(yaml).Only().At()), Is.EqualTo((SloRules.InvalidIndicatorMetric, (13, 22))));
    }

    [TestCase("objective: 0")]
    [TestCase("objective: -1")]
    [TestCase("objective: 100.1")]
    public void An_objective_outside_0_to_100_is_reported(string objective)
    {
        var finding = Validate.Text(Sample.Sloth.With("objective: 99.9", objective)).Only();

        Assert.That((finding.Rule, finding.Location.Line), Is.EqualTo((SloRules.InvalidObjective, 7)));
    }

    [Test]
    public void An_objective_of_100_is_valid_sloth_but_leaves_no_budget_for_the_rule_generator()
    {
        var finding = Validate.Text(Sample.Sloth.With("objective: 99.9", "objective: 100")).Only();

        Assert.That((finding.Rule, finding.At()), Is.EqualTo((SloRules.ObjectiveWithoutBudget, (7, 16))));
    }

    [Test]
    public void An_objective_below_1_is_a_warning_that_it_reads_as_a_percentage()
    {
        var finding = Validate.Text(Sample.Sloth.With("objective: 99.9", "objective: 0.99")).Only();

        Assert.Multiple(() =>
        {
            Assert.That((finding.Rule, finding.Severity, finding.At()), Is.EqualTo((SloRules.ObjectiveLooksLikeRatio, Guardrails.Diagnostics.Severity.Warning, (7, 16))));
            Assert.That(finding.Message, Does.Contain("did you mean 99?"));
        });
    }

    [Test]
    public void A_query_mixing_a_fixed_range_with_the_window_is_a_warning_at_the_query()
    {
        var finding = Validate.Text(Sample.Sloth.With("code=~\"(5..|429)\"}[{{.window}}]))", "code=~\"(5..|429)\"}[{{.window}}])) / sum(rate(x[5m]))")).Only();

        Assert.Multiple(() =>
        {
            Assert.That((finding.Rule, finding.At()), Is.EqualTo((SloRules.QueryMixesRanges, (12, 22))));
            Assert.That(finding.Message, Does.Contain("fixed range [5m]"));
        });
    }

    [Test]
    public void A_query_with_an_unclosed_parenthesis_is_an_error_at_the_query()
    {
        var finding = Validate.Text(Sample.Sloth.With("code=~\"(5..|429)\"}[{{.window}}]))", "code=~\"(5..|429)\"}[{{.window}}])")).Only();

        Assert.Multiple(() =>
        {
            Assert.That((finding.Rule, finding.At()), Is.EqualTo((SloRules.UnbalancedQuery, (12, 22))));
            Assert.That(finding.Message, Does.Contain("'(' is never closed"));
        });
    }

    [Test]
    public void A_range_inside_a_label_value_is_not_a_fixed_range()
    {
        Assert.That(Validate.Text(Sample.Sloth.With("job=\"payments\",code", "job=\"pay[5m]\",code")).Findings, Is.Empty);
    }

    [Test]
    public void A_missing_objective_is_reported()
    {
        Assert.That(Validate.Text(Sample.Sloth.With("    objective: 99.9\n", string.Empty)).Only().Rule, Is.EqualTo(SloRules.MissingField));
    }

    [TestCase("\"requests availability\"")]
    [TestCase("\"-requests\"")]
    [TestCase("\"requests-\"")]
    [TestCase("\"r\"")]
    public void A_name_outside_sloths_pattern_is_reported(string name)
    {
        var finding = Validate.Text(Sample.Sloth.With("\"requests-availability\"", name)).Only();

        Assert.That((finding.Rule, finding.At()), Is.EqualTo((SloRules.InvalidName, (6, 11))));
    }

    [Test]
    public void Sloth_names_may_use_capitals_dots_and_underscores()
    {
        Assert.That(Validate.Text(Sample.Sloth.With("\"requests-availability\"", "Requests_availability.v2")).Findings, Is.Empty);
    }

    [Test]
    public void An_invalid_service_name_is_reported()
    {
        Assert.That(Validate.Text(Sample.Sloth.With("service: \"payments\"", "service: \"pay ments\"")).Only().At(), Is.EqualTo((2, 10)));
    }

    [Test]
    public void The_alert_name_is_required_unless_both_alerts_are_disabled()
    {
        var withoutName = Sample.Sloth.With("      name: PaymentsHighLatency\n", string.Empty);
        var bothDisabled = withoutName.With("      page_alert:\n        annotations:\n          runbook: docs/runbooks/payments.md#latency\n", "      page_alert:\n        disable: true\n");

        Assert.That((Validate.Text(withoutName).Only().Rule, Validate.Text(withoutName).Only().At()), Is.EqualTo((SloRules.MissingAlertName, (33, 5))));
        Assert.That(Validate.Text(bothDisabled).Findings, Is.Empty);
    }

    [Test]
    public void An_slo_with_two_sli_types_is_reported()
    {
        var yaml = Sample.Sloth.With("    sli:\n      raw:", "    sli:\n      plugin:\n        id: sloth-common/kubernetes/apiserver/availability\n      raw:");

        Assert.That(Validate.Text(yaml).Only().Rule, Is.EqualTo(SloRules.InvalidIndicatorMetric));
    }

    [Test]
    public void A_plugin_sli_is_valid_for_sloth_but_gets_no_rules_from_guardrails()
    {
        var yaml = Sample.Sloth.With("      raw:\n        error_ratio_query: 1 - (sum(rate(http_request_duration_seconds_bucket{job=\"payments\",le=\"0.5\"}[{{.window}}])) / sum(rate(http_request_duration_seconds_count{job=\"payments\"}[{{.window}}])))", "      plugin:\n        id: sloth-common/kubernetes/apiserver/latency\n        options:\n          bucket: \"0.5\"");

        Assert.That(Validate.Text(yaml, Validate.SpecOnly).Findings, Is.Empty);
        var warning = Validate.Text(yaml, Validate.Full).Only();
        Assert.That((warning.Rule, warning.Severity), Is.EqualTo((SloRules.NotMappedToPrometheus, Diagnostics.Severity.Warning)));
        Assert.That(Validate.Text(yaml, Validate.Full).Slos, Has.Count.EqualTo(1));
    }

    [Test]
    public void A_duplicate_slo_name_is_reported_at_the_second()
    {
        var finding = Validate.Text(Sample.Sloth.With("\"requests-latency\"", "\"requests-availability\"")).Only();

        Assert.That((finding.Rule, finding.At()), Is.EqualTo((SloRules.DuplicateName, (26, 11))));
    }

    [Test]
    public void A_spec_without_slos_is_reported()
    {
        Assert.That(Validate.Text("version: \"prometheus/v1\"\nservice: payments\nslos: []\n").Only().Rule, Is.EqualTo(SloRules.MissingField));
    }

    [Test]
    public void The_metric_name_label_is_refused_and_labels_need_values()
    {
        var yaml = Sample.Sloth.With("  owner: \"payments-team\"", "  __name__: x\n  team: \"\"");

        Assert.That(Validate.Text(yaml).Ids(), Is.EqualTo("GR3012 GR3010"));
    }

    [Test]
    public void Unknown_fields_are_ignored_by_sloth_but_reported_by_guardrails()
    {
        var yaml = Sample.Sloth.With("    objective: 99.9\n", "    objective: 99.9\n    objectve: 99.5\n");

        Assert.That(Validate.Text(yaml, Validate.SpecOnly).Findings, Is.Empty);
        Assert.That((Validate.Text(yaml, Validate.Full).Only().Rule, Validate.Text(yaml, Validate.Full).Only().At()), Is.EqualTo((SloRules.UnknownField, (8, 5))));
    }

    [Test]
    public void Guardrails_asks_for_classic_prometheus_label_names_that_prometheus_2_loads()
    {
        var yaml = Sample.Sloth.With("  owner: \"payments-team\"", "  team.name: payments");

        Assert.That(Validate.Text(yaml, Validate.SpecOnly).Findings, Is.Empty);
        Assert.That(Validate.Text(yaml, Validate.Full).Only().Rule, Is.EqualTo(SloRules.InvalidName));
    }
}
