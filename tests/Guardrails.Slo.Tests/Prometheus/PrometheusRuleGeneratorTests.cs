using System;
using System.Collections.Generic;
using System.Linq;
using Guardrails.Slo.Prometheus;
using Guardrails.Slo.Prometheus.Rules;

namespace Guardrails.Slo.Tests.Prometheus;

public sealed class PrometheusRuleGeneratorTests
{
    private static readonly PrometheusRuleGenerator Generator = new(SampleSlos.Generator);

    private static readonly string[] TwoSlosGroups =
    {
        "sloth-slo-sli-recordings-myservice-requests-availability",
        "sloth-slo-meta-recordings-myservice-requests-availability",
        "sloth-slo-alerts-myservice-requests-availability",
        "sloth-slo-sli-recordings-home-wifi-wifi-client-satisfaction",
        "sloth-slo-meta-recordings-home-wifi-wifi-client-satisfaction",
        "sloth-slo-alerts-home-wifi-wifi-client-satisfaction",
    };

    private static readonly string[] ThirtyDaySliRecordings =
    {
        "slo:sli_error:ratio_rate5m", "slo:sli_error:ratio_rate30m", "slo:sli_error:ratio_rate1h", "slo:sli_error:ratio_rate2h",
        "slo:sli_error:ratio_rate6h", "slo:sli_error:ratio_rate1d", "slo:sli_error:ratio_rate3d", "slo:sli_error:ratio_rate30d",
    };

    private static readonly string[] MetadataRecordings =
    {
        "slo:objective:ratio", "slo:error_budget:ratio", "slo:time_period:days", "slo:current_burn_rate:ratio",
        "slo:period_burn_rate:ratio", "slo:period_error_budget_remaining:ratio", "sloth_slo_info",
    };

    private static readonly string[] PageThenTicket = { "page", "ticket" };
    private static readonly string[] CriticalThenWarning = { "critical", "warning" };
    private static readonly string[] PageOnly = { "page" };

    [Test]
    public void Each_slo_gets_sloths_three_groups_in_sloths_order()
    {
        var groups = Generator.Generate(new[] { SampleSlos.ThirtyDayEvents, SampleSlos.TwentyEightDayRaw });

        Assert.That(groups.Select(group => group.Name), Is.EqualTo(TwoSlosGroups));
    }

    [Test]
    public void Sli_recordings_cover_every_alert_window_then_the_period()
    {
        var sli = Generator.Generate(SampleSlos.ThirtyDayEvents)[0];

        Assert.That(sli.Rules.Select(rule => rule.Record), Is.EqualTo(ThirtyDaySliRecordings));
    }

    [Test]
    public void Period_recording_is_the_count_weighted_mean_of_the_five_minute_ratio()
    {
        var period = Generator.Generate(SampleSlos.ThirtyDayEvents)[0].Rules[^1];

        const string Source = "slo:sli_error:ratio_rate5m{sloth_id=\"myservice-requests-availability\", sloth_service=\"myservice\", sloth_slo=\"requests-availability\"}";
        Assert.That(period.Expr, Is.EqualTo(
            "sum_over_time(" + Source + "[30d])\n/ ignoring (sloth_window)\ncount_over_time(" + Source + "[30d])\n"));
    }

    [Test]
    public void Metadata_recordings_are_the_ones_sloths_dashboards_read()
    {
        var meta = Generator.Generate(SampleSlos.ThirtyDayEvents)[1];

        Assert.Multiple(() =>
        {
            Assert.That(meta.Rules.Select(rule => rule.Record), Is.EqualTo(MetadataRecordings));
            Assert.That(meta.Rules[0].Expr, Is.EqualTo("vector(0.9990000000000001)"));
            Assert.That(meta.Rules[2].Expr, Is.EqualTo("vector(30)"));
            Assert.That(meta.Rules[6].Labels["sloth_objective"], Is.EqualTo("99.9"));
            Assert.That(meta.Rules[6].Labels["sloth_version"], Is.EqualTo("0.0.0-test"));
        });
    }

    [Test]
    public void Alerts_carry_the_runbook_and_let_the_alerts_own_labels_and_annotations_win()
    {
        var alerts = Generator.Generate(SampleSlos.ThirtyDayEvents)[2].Rules;

        Assert.Multiple(() =>
        {
            Assert.That(alerts.Select(alert => alert.Labels["sloth_severity"]), Is.EqualTo(PageThenTicket));
            Assert.That(alerts.Select(alert => alert.Labels["severity"]), Is.EqualTo(CriticalThenWarning));
            Assert.That(alerts.Select(alert => alert.Annotations["runbook_url"]), Is.All.EqualTo("docs/runbooks/myservice-availability.md"));
            Assert.That(alerts.Select(alert => alert.Annotations["summary"]), Is.All.EqualTo("High error rate on 'myservice' requests responses"));
            Assert.That(alerts[1].Labels["slack_channel"], Is.EqualTo("#alerts-myteam"));
        });
    }

    [Test]
    public void A_runbook_set_on_the_alert_overrides_the_slos_runbook()
    {
        var slo = SampleSlos.CheckoutAvailability with
        {
            PageAlert = new BurnRateAlert { Annotations = new Dictionary<string, string> { ["runbook_url"] = "docs/runbooks/checkout-paging.md" } },
        };

        var page = Generator.Generate(slo)[2].Rules[0];

        Assert.That(page.Annotations["runbook_url"], Is.EqualTo("docs/runbooks/checkout-paging.md"));
    }

    [Test]
    public void Disabled_alerts_are_omitted_and_no_alert_group_is_left_when_both_are()
    {
        var ticketDisabled = Generator.Generate(SampleSlos.SevenDayEventsPageOnly);
        var bothDisabled = Generator.Generate(SampleSlos.SevenDayEventsPageOnly with { PageAlert = new BurnRateAlert { Disabled = true } });

        Assert.Multiple(() =>
        {
            Assert.That(ticketDisabled[2].Rules.Select(rule => rule.Labels["sloth_severity"]), Is.EqualTo(PageOnly));
            Assert.That(bothDisabled.Select(group => group.Name), Has.None.StartsWith("sloth-slo-alerts-"));
        });
    }

    [Test]
    public void Alert_name_is_derived_from_service_and_slo_when_the_file_gives_none()
    {
        var alerts = Generator.Generate(SampleSlos.TwentyEightDayRaw)[2].Rules;

        Assert.That(alerts.Select(alert => alert.Alert), Is.All.EqualTo("HomeWifiClientSatisfactionBurnRate"));
    }

    [Test]
    public void Page_alert_compares_both_windows_of_each_condition_with_factor_times_budget()
    {
        var page = Generator.Generate(SampleSlos.ThirtyDayEvents)[2].Rules[0];

        const string Selector = "{sloth_id=\"myservice-requests-availability\", sloth_service=\"myservice\", sloth_slo=\"requests-availability\"}";
        Assert.That(page.Expr, Is.EqualTo(
            "(\n"
            + "    (slo:sli_error:ratio_rate5m" + Selector + " > (14.4 * 0.0009999999999999432))\n"
            + "    and ignoring (sloth_window)\n"
            + "    (slo:sli_error:ratio_rate1h" + Selector + " > (14.4 * 0.0009999999999999432))\n"
            + ")\n"
            + "or ignoring (sloth_window)\n"
            + "(\n"
            + "    (slo:sli_error:ratio_rate30m" + Selector + " > (6 * 0.0009999999999999432))\n"
            + "    and ignoring (sloth_window)\n"
            + "    (slo:sli_error:ratio_rate6h" + Selector + " > (6 * 0.0009999999999999432))\n"
            + ")\n"));
    }

    [Test]
    public void Window_placeholder_with_spaces_is_replaced_like_gos_template_does()
    {
        var fiveMinutes = Generator.Generate(SampleSlos.SevenDayEventsPageOnly)[0].Rules[0];

        Assert.That(fiveMinutes.Expr, Does.Contain("[5m]").And.Not.Contain("{{"));
    }

    [Test]
    public void Two_slos_with_one_id_breach_the_contract_because_their_groups_would_collide()
    {
        var slos = new[] { SampleSlos.ThirtyDayEvents, SampleSlos.ThirtyDayEvents with { Objective = 0.99 } };

        var verdict = RuleGenerationContract.Check(slos);

        Assert.Multiple(() =>
        {
            Assert.That(verdict.Findings.Select(finding => (finding.Rule.Id, finding.Message)), Has.One.Matches<(string Id, string Message)>(finding => finding.Id == "GR3032" && finding.Message.Contains("'myservice-requests-availability'", StringComparison.Ordinal)));
            Assert.That(verdict.Accepted, Is.EqualTo(new[] { slos[0] }));
            Assert.That(() => Generator.Generate(slos), Throws.InvalidOperationException.With.Message.Contains("would collide"));
        });
    }

    [Test]
    public void A_window_too_short_for_the_ticket_alert_and_an_objective_without_budget_breach_the_contract()
    {
        var slos = new[]
        {
            SampleSlos.CheckoutAvailability with { TimeWindow = TimeSpan.FromHours(12) },
            SampleSlos.ThirtyDayEvents with { Objective = 1 },
            SampleSlos.SevenDayEventsPageOnly with { Objective = 0 },
        };

        var verdict = RuleGenerationContract.Check(slos);

        Assert.Multiple(() =>
        {
            Assert.That(verdict.Findings.Select(finding => finding.Rule.Id), Is.EqualTo(new[] { "GR3031", "GR3030", "GR3030" }));
            Assert.That(verdict.Findings[0].Message, Does.Contain("time window of 12h").And.Contain("longer than 3d").And.Contain("Use 7d, 28d or 30d"));
            Assert.That(verdict.Findings[1].Message, Does.Contain("objective of 100 %").And.Contain("no error budget"));
            Assert.That(verdict.Accepted, Is.Empty);
            Assert.That(() => Generator.Generate(slos), Throws.InvalidOperationException);
        });
    }

    [TestCase("orders", "orders-availability", "OrdersAvailabilityBurnRate")]
    [TestCase("home-wifi", "wifi-client-satisfaction", "HomeWifiClientSatisfactionBurnRate")]
    [TestCase("checkout", "requests-availability", "CheckoutRequestsAvailabilityBurnRate")]
    [TestCase("orders", "orders", "OrdersOrdersBurnRate")]
    public void Default_alert_names_do_not_stutter(string service, string name, string expected)
    {
        var slo = SampleSlos.CheckoutAvailability with { Service = service, Name = name };

        Assert.That(BurnRateAlertRules.DefaultAlertName(slo), Is.EqualTo(expected));
    }

    [Test]
    public void Label_values_that_yaml_would_read_as_numbers_or_booleans_stay_strings()
    {
        var slo = SampleSlos.CheckoutAvailability with { Labels = new Dictionary<string, string> { ["tier"] = "2", ["critical"] = "yes", ["team"] = "on" } };

        var text = PrometheusRuleFileWriter.Write(Generator.Generate(slo), SampleSlos.Generator);

        Assert.That(text, Does.Contain("tier: \"2\"").And.Contain("critical: \"yes\"").And.Contain("team: \"on\""));
    }
}
