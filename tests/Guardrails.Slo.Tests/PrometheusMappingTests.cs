using System;
using System.Linq;
using Guardrails.Slo.Prometheus;

namespace Guardrails.Slo.Tests;

/// <summary>How each SLO becomes the <see cref="PrometheusSlo"/> the rule generator and the gate start from.</summary>
public sealed class PrometheusMappingTests
{
    [Test]
    public void A_good_over_total_ratio_becomes_total_minus_good_over_total_with_window_placeholders()
    {
        var slo = Validate.Text(Sample.OpenSlo, Validate.Full).Slos.Single(candidate => candidate.Name == "checkout-availability");

        Assert.That(slo.Sli, Is.EqualTo(new SliQuery.Events(
            "(sum(rate(http_requests_total{service=\"checkout\"}[{{.window}}]))) - (sum(rate(http_requests_total{service=\"checkout\",code!~\"5..\"}[{{.window}}])))",
            "sum(rate(http_requests_total{service=\"checkout\"}[{{.window}}]))")));
        Assert.That((slo.Service, slo.Objective, slo.TimeWindow), Is.EqualTo(("checkout", 0.999, TimeSpan.FromDays(28))));
        Assert.That(slo.RunbookUrl, Is.EqualTo("docs/runbooks/checkout.md#availability"));
        Assert.That(slo.Source!.Line, Is.EqualTo(30));
    }

    [Test]
    public void A_bad_over_total_ratio_keeps_bad_as_the_error_query()
    {
        var slo = Validate.Text(Sample.OpenSlo, Validate.Full).Slos.Single(candidate => candidate.Name == "checkout-latency");

        Assert.That(((SliQuery.Events)slo.Sli).ErrorQuery, Does.StartWith("sum(rate(http_request_duration_seconds_count{service=\"checkout\"}[{{.window}}])) - sum("));
        Assert.That(slo.Objective, Is.EqualTo(0.99));
    }

    [TestCase("success", "1 - (sum(rate(x[{{.window}}])))")]
    [TestCase("failure", "sum(rate(x[{{.window}}]))")]
    public void A_raw_ratio_becomes_the_error_ratio(string rawType, string expected)
    {
        var yaml = Sample.OpenSlo
            .With("    good:\n      metricSource:\n        type: Prometheus\n        spec:\n          query: sum(rate(http_requests_total{service=\"checkout\",code!~\"5..\"}[5m]))\n", "    rawType: " + rawType + "\n")
            .With("    total:\n      metricSource:\n        type: Prometheus\n        spec:\n          query: sum(rate(http_requests_total{service=\"checkout\"}[5m]))", "    raw:\n      metricSource:\n        type: Prometheus\n        spec:\n          query: sum(rate(x[5m]))");

        var slo = Validate.Text(yaml, Validate.Full).Slos.Single(candidate => candidate.Name == "checkout-availability");

        Assert.That(slo.Sli, Is.EqualTo(new SliQuery.Raw(expected)));
    }

    [Test]
    public void A_metric_source_reference_to_a_prometheus_data_source_is_mapped()
    {
        var yaml = Sample.OpenSlo.Replace("type: Prometheus", "metricSourceRef: main-prometheus", StringComparison.Ordinal)
            + "---\napiVersion: openslo/v1\nkind: DataSource\nmetadata:\n  name: main-prometheus\nspec:\n  type: Prometheus\n  connectionDetails:\n    url: http://prometheus:9090\n";

        var result = Validate.Text(yaml, Validate.Full);

        Assert.That(result.Findings, Is.Empty);
        Assert.That(result.Slos, Has.Count.EqualTo(2));
    }

    [Test]
    public void A_metric_from_another_source_is_valid_but_gets_no_rules_with_a_warning()
    {
        var yaml = Sample.OpenSlo.With("    good:\n      metricSource:\n        type: Prometheus", "    good:\n      metricSource:\n        type: Datadog");

        var result = Validate.Text(yaml, Validate.Full);

        Assert.That(result.Only().Rule, Is.EqualTo(SloRules.NotMappedToPrometheus));
        Assert.That(result.Only().Message, Does.Contain("'Datadog'"));
        Assert.That(result.Slos.Select(slo => slo.Name), Is.EqualTo(new[] { "checkout-latency" }));
        Assert.That(Validate.Text(yaml, Validate.SpecOnly).Findings, Is.Empty);
    }

    [Test]
    public void A_query_without_a_range_selector_gets_no_rules_with_a_warning()
    {
        var yaml = Sample.OpenSlo.With("query: sum(rate(http_requests_total{service=\"checkout\"}[5m]))", "query: sum(http_requests_total{service=\"checkout\"})");

        Assert.That(Validate.Text(yaml, Validate.Full).Only().Message, Does.Contain("range selector"));
    }

    [Test]
    public void An_slo_with_errors_is_not_mapped()
    {
        var result = Validate.Text(Sample.OpenSlo.With("target: 0.999", "target: 1.5"), Validate.Full);

        Assert.That(result.Slos.Select(slo => slo.Name), Is.EqualTo(new[] { "checkout-latency" }));
    }

    [Test]
    public void A_sloth_slo_keeps_its_queries_labels_and_alerts()
    {
        var slos = Validate.Text(Sample.Sloth, Validate.Full).Slos;
        var availability = slos[0];
        var latency = slos[1];

        Assert.That((availability.Id, availability.Objective, availability.TimeWindow), Is.EqualTo(("payments-requests-availability", 0.999, TimeSpan.FromDays(30))));
        Assert.That(availability.Sli, Is.EqualTo(new SliQuery.Events(
            "sum(rate(http_requests_total{job=\"payments\",code=~\"(5..|429)\"}[{{.window}}]))",
            "sum(rate(http_requests_total{job=\"payments\"}[{{.window}}]))")));
        Assert.That(availability.Labels, Is.EquivalentTo(new[] { KeyValuePair("owner", "payments-team"), KeyValuePair("guardrails_category", "availability") }));
        Assert.That((availability.PageAlert.Name, availability.PageAlert.Severity, availability.TicketAlert.Severity), Is.EqualTo(("PaymentsHighErrorRate", "critical", "warning")));
        Assert.That(availability.PageAlert.Labels, Is.EquivalentTo(new[] { KeyValuePair("category", "availability") }));
        Assert.That(availability.PageAlert.Annotations["runbook_url"], Is.EqualTo("docs/runbooks/payments.md"));
        Assert.That((latency.TicketAlert.Disabled, latency.RunbookUrl), Is.EqualTo((true, "docs/runbooks/payments.md#latency")));
    }

    [Test]
    public void An_openslo_page_policy_names_the_page_alert_carries_its_runbook_and_leaves_no_ticket_alert()
    {
        var slo = Validate.Text(Sample.OpenSlo, Validate.Full).Slos.Single(candidate => candidate.Name == "checkout-availability");

        Assert.That((slo.PageAlert.Disabled, slo.PageAlert.Name, slo.PageAlert.Severity), Is.EqualTo((false, "CheckoutFastBurn", "critical")));
        Assert.That(slo.PageAlert.Annotations, Is.EquivalentTo(new[] { KeyValuePair("runbook_url", "docs/runbooks/checkout.md#fast-burn") }));
        Assert.That(slo.TicketAlert.Disabled, Is.True);
    }

    [Test]
    public void An_openslo_slo_without_alert_policies_gets_both_default_alerts()
    {
        var slo = Validate.Text(Sample.OpenSlo, Validate.Full).Slos.Single(candidate => candidate.Name == "checkout-latency");

        Assert.That((slo.PageAlert, slo.TicketAlert), Is.EqualTo((BurnRateAlert.DefaultPage, BurnRateAlert.DefaultTicket)));
    }

    [Test]
    public void A_ticket_severity_on_a_referenced_condition_gives_the_ticket_alert()
    {
        var yaml = Sample.OpenSlo.With(
            "    - kind: AlertCondition\n      metadata:\n        name: fast-burn\n      spec:\n        severity: page\n",
            "    - conditionRef: slow-burn\n")
            .With("          kind: burnrate\n          op: gte\n          threshold: 14.4\n          lookbackWindow: 1h\n          alertAfter: 5m\n", string.Empty)
            .With("        condition:\n", string.Empty)
            + "---\napiVersion: openslo/v1\nkind: AlertCondition\nmetadata:\n  name: slow-burn\nspec:\n  severity: Warning\n  condition:\n    kind: burnrate\n    op: gte\n    threshold: 1\n    lookbackWindow: 3d\n";

        var result = Validate.Text(yaml, Validate.Full);
        var slo = result.Slos.Single(candidate => candidate.Name == "checkout-availability");

        Assert.That(result.Findings, Is.Empty);
        Assert.That((slo.PageAlert.Disabled, slo.TicketAlert.Disabled, slo.TicketAlert.Name), Is.EqualTo((true, false, "CheckoutFastBurn")));
    }

    [TestCase("checkout-fast-burn", "CheckoutFastBurn")]
    [TestCase("api.v2-latency", "ApiV2Latency")]
    [TestCase("5xx-burn", "Slo5xxBurn")]
    public void Policy_names_become_prometheus_alert_names(string policy, string alert)
    {
        Assert.That(Guardrails.Slo.OpenSlo.OpenSloAlertMapper.AlertName(policy), Is.EqualTo(alert));
    }

    private static System.Collections.Generic.KeyValuePair<string, string> KeyValuePair(string key, string value) => new(key, value);
}
