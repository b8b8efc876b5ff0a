using System.Linq;

namespace Guardrails.Slo.Tests;

/// <summary>The OpenSLO v1 rules of the reference validator (OpenSLO go-sdk, used by <c>oslo validate</c>), each with its position.</summary>
public sealed class OpenSloSpecTests
{
    [Test]
    public void The_valid_sample_has_no_findings_in_either_mode()
    {
        Assert.That(Validate.Text(Sample.OpenSlo, Validate.SpecOnly).Findings, Is.Empty);
        Assert.That(Validate.Text(Sample.OpenSlo, Validate.Full).Findings, Is.Empty);
    }

    [Test]
    public void An_unknown_field_is_reported_at_its_key()
    {
        var finding = Validate.Text(Sample.OpenSlo.With("      target: 0.999", "      target: 0.999\n      tagret: 0.99")).Only();

        Assert.That(finding.Rule, Is.EqualTo(SloRules.UnknownField));
        Assert.That(finding.At(), Is.EqualTo((44, 7)));
        Assert.That(finding.Message, Is.EqualTo("'spec.objectives[0].tagret' is not a field of 'spec.objectives[0]'; did you mean 'target'?"));
    }

    [Test]
    public void An_unknown_top_level_field_is_reported()
    {
        var finding = Validate.Text(Sample.OpenSlo.With("kind: Service\n", "kind: Service\nstatus: ok\n")).Only();

        Assert.That((finding.Rule, finding.At()), Is.EqualTo((SloRules.UnknownField, (3, 1))));
        Assert.That(finding.Message, Is.EqualTo("'status' is not a field of the document; known fields: apiVersion, kind, metadata, spec."));
    }

    [Test]
    public void A_metric_source_spec_may_hold_any_field_of_its_data_source()
    {
        var yaml = Sample.OpenSlo.With("          query: sum(rate(http_requests_total{service=\"checkout\"}[5m]))", "          query: sum(rate(http_requests_total{service=\"checkout\"}[5m]))\n          dataset: prod");

        Assert.That(Validate.Text(yaml).Findings, Is.Empty);
    }

    [Test]
    public void Any_service_text_is_valid_openslo_under_spec_only_as_in_the_go_sdk()
    {
        var yaml = Sample.OpenSlo.Replace("  service: checkout\n", "  service: TheServiceName\n", System.StringComparison.Ordinal);

        Assert.That(yaml, Does.Contain("service: TheServiceName"));
        Assert.That(Validate.Text(yaml, Validate.SpecOnly).Findings, Is.Empty);
    }

    [Test]
    public void The_full_mode_still_requires_the_service_to_name_a_service_object()
    {
        var yaml = Sample.OpenSlo.Replace("  service: checkout\n", "  service: TheServiceName\n", System.StringComparison.Ordinal);
        var findings = Validate.Text(yaml, Validate.Full).Findings;

        Assert.That(findings.Where(finding => finding.Rule == SloRules.InvalidName).Select(finding => finding.Message), Has.Some.Contain("spec.service 'TheServiceName' is not an RFC 1123 label"));
    }

    [TestCase("Checkout")]
    [TestCase("checkout_service")]
    [TestCase("-checkout")]
    [TestCase("checkout.api")]
    public void A_name_that_is_not_an_rfc_1123_label_is_reported(string name)
    {
        var finding = Validate.Text(Sample.OpenSlo.With("  name: checkout-availability", "  name: " + name)).Only();

        Assert.That((finding.Rule, finding.At()), Is.EqualTo((SloRules.InvalidName, (30, 9))));
    }

    [Test]
    public void A_name_longer_than_63_characters_is_reported()
    {
        var finding = Validate.Text(Sample.OpenSlo.With("  name: checkout-availability", "  name: " + new string('a', 64))).Only();

        Assert.That(finding.Rule, Is.EqualTo(SloRules.InvalidName));
    }

    [Test]
    public void A_reference_that_is_not_an_rfc_1123_label_is_reported_at_the_reference()
    {
        var finding = Validate.Text(Sample.OpenSlo.With("indicatorRef: checkout-success", "indicatorRef: Checkout Success")).Only();

        Assert.That((finding.Rule, finding.At()), Is.EqualTo((SloRules.InvalidName, (36, 17))));
        Assert.That(finding.Message, Does.Contain("spec.indicatorRef"));
    }

    [Test]
    public void A_missing_name_is_reported_at_metadata()
    {
        var finding = Validate.Text(Sample.OpenSlo.With("  name: checkout\n  displayName: Checkout", "  displayName: Checkout")).Only();

        Assert.That((finding.Rule, finding.At()), Is.EqualTo((SloRules.MissingField, (3, 1))));
        Assert.That(finding.Message, Does.Contain("metadata.name"));
    }

    [Test]
    public void A_display_name_longer_than_63_characters_is_reported()
    {
        var finding = Validate.Text(Sample.OpenSlo.With("displayName: Checkout", "displayName: " + new string('C', 64))).Only();

        Assert.That(finding.Rule, Is.EqualTo(SloRules.TextTooLong));
    }

    [Test]
    public void A_description_may_have_1050_characters_but_not_1051()
    {
        var at1050 = Sample.OpenSlo.With("description: Takes payments for baskets.", "description: " + new string('d', 1050));
        var at1051 = Sample.OpenSlo.With("description: Takes payments for baskets.", "description: " + new string('d', 1051));

        Assert.That(Validate.Text(at1050).Findings, Is.Empty);
        Assert.That((Validate.Text(at1051).Only().Rule, Validate.Text(at1051).Only().At()), Is.EqualTo((SloRules.TextTooLong, (7, 16))));
    }

    [TestCase("28d")]
    [TestCase("1w")]
    [TestCase("1M")]
    [TestCase("1Q")]
    [TestCase("1Y")]
    [TestCase("90m")]
    [TestCase("12h")]
    [TestCase("0d")]
    public void Durations_are_a_whole_number_and_one_unit(string duration)
    {
        // 90m, 12h and 0d are valid OpenSLO (the go-sdk's value rule is GTE(0)); only the rule generator's own
        // contract (GR3031) refuses them as time windows.
        Assert.That(Validate.Text(Sample.OpenSlo.With("duration: 28d", "duration: " + duration)).Findings.Where(finding => !SloRules.IsProtected(finding.Rule)), Is.Empty);
    }

    [TestCase("28D")]
    [TestCase("28")]
    [TestCase("d")]
    [TestCase("1.5d")]
    [TestCase("-1d")]
    [TestCase("2s")]
    [TestCase("1h30m")]
    [TestCase("36000Y")]
    [TestCase("30000Q")]
    [TestCase("2000000000m")]
    [TestCase("99999999999d")]
    public void Other_durations_are_reported_at_their_value(string duration)
    {
        var finding = Validate.Text(Sample.OpenSlo.With("duration: 28d", "duration: " + duration)).Only();

        Assert.That((finding.Rule, finding.At()), Is.EqualTo((SloRules.InvalidDuration, (39, 17))));
    }

    [TestCase("target: 0")]
    [TestCase("target: 0.9999")]
    [TestCase("targetPercent: 0")]
    [TestCase("targetPercent: 99.9999")]
    public void Targets_in_range_are_accepted(string target)
    {
        // A target of 0 is valid OpenSLO; only the rule generator's own contract (GR3030) refuses it.
        Assert.That(Validate.Text(Sample.OpenSlo.With("target: 0.999", target)).Findings.Where(finding => !SloRules.IsProtected(finding.Rule)), Is.Empty);
    }

    [TestCase("target: 1")]
    [TestCase("target: -0.1")]
    [TestCase("target: 99.9")]
    [TestCase("targetPercent: 100")]
    [TestCase("targetPercent: -0.1")]
    public void Targets_out_of_range_are_reported_at_the_value(string target)
    {
        var finding = Validate.Text(Sample.OpenSlo.With("target: 0.999", target)).Only();

        Assert.That(finding.Rule, Is.EqualTo(SloRules.InvalidObjective));
        Assert.That(finding.Location.Line, Is.EqualTo(43));
    }

    [Test]
    public void A_target_written_as_a_percentage_suggests_target_percent()
    {
        Assert.That(Validate.Text(Sample.OpenSlo.With("target: 0.999", "target: 99.9")).Only().Message, Does.Contain("targetPercent"));
    }

    [Test]
    public void Target_and_target_percent_together_are_reported()
    {
        var finding = Validate.Text(Sample.OpenSlo.With("      target: 0.999", "      target: 0.999\n      targetPercent: 99.9")).Only();

        Assert.That((finding.Rule, finding.At()), Is.EqualTo((SloRules.ConflictingFields, (44, 7))));
    }

    [Test]
    public void An_objective_without_a_target_is_reported()
    {
        var finding = Validate.Text(Sample.OpenSlo.With("      target: 0.999", "      value: 1")).Only();

        Assert.That(finding.Rule, Is.EqualTo(SloRules.ConflictingFields));
        Assert.That(finding.Message, Does.Contain("target").And.Contain("targetPercent"));
    }

    [Test]
    public void A_quoted_target_is_a_string_not_a_number()
    {
        var finding = Validate.Text(Sample.OpenSlo.With("target: 0.999", "target: \"0.999\"")).Only();

        Assert.That((finding.Rule, finding.At()), Is.EqualTo((SloRules.WrongValueType, (43, 15))));
    }

    [Test]
    public void An_unknown_budgeting_method_is_reported()
    {
        var finding = Validate.Text(Sample.OpenSlo.With("budgetingMethod: Occurrences\n  timeWindow:\n    - duration: 28d", "budgetingMethod: occurrences\n  timeWindow:\n    - duration: 28d")).Only();

        Assert.That((finding.Rule, finding.At()), Is.EqualTo((SloRules.InvalidValue, (37, 20))));
    }

    [Test]
    public void Timeslices_need_a_time_slice_target_and_window()
    {
        var yaml = Sample.OpenSlo.With("budgetingMethod: Occurrences\n  timeWindow:\n    - duration: 28d", "budgetingMethod: Timeslices\n  timeWindow:\n    - duration: 28d");

        var result = Validate.Text(yaml);

        Assert.That(result.Ids(), Is.EqualTo("GR3016 GR3016"));
        Assert.That(result.Findings.Select(finding => finding.Message), Has.Some.Contains("timeSliceTarget").And.Some.Contains("timeSliceWindow"));
    }

    [Test]
    public void Timeslices_with_both_fields_are_valid()
    {
        var yaml = Sample.OpenSlo
            .With("budgetingMethod: Occurrences\n  timeWindow:\n    - duration: 28d", "budgetingMethod: Timeslices\n  timeWindow:\n    - duration: 28d")
            .With("      target: 0.999", "      target: 0.999\n      timeSliceTarget: 0.95\n      timeSliceWindow: 1m");

        Assert.That(Validate.Text(yaml).Findings, Is.Empty);
    }

    [Test]
    public void Ratio_timeslices_need_only_a_time_slice_window()
    {
        var yaml = Sample.OpenSlo.With("budgetingMethod: Occurrences\n  timeWindow:\n    - duration: 28d", "budgetingMethod: RatioTimeslices\n  timeWindow:\n    - duration: 28d");

        Assert.That(Validate.Text(yaml).Only().Message, Does.Contain("timeSliceWindow"));
        Assert.That(Validate.Text(yaml.With("      target: 0.999", "      target: 0.999\n      timeSliceWindow: 5m")).Findings, Is.Empty);
    }

    [TestCase("0")]
    [TestCase("1.1")]
    public void A_time_slice_target_outside_0_to_1_is_reported(string value)
    {
        var yaml = Sample.OpenSlo
            .With("budgetingMethod: Occurrences\n  timeWindow:\n    - duration: 28d", "budgetingMethod: Timeslices\n  timeWindow:\n    - duration: 28d")
            .With("      target: 0.999", "      target: 0.999\n      timeSliceWindow: 1m\n      timeSliceTarget: " + value);

        Assert.That(Validate.Text(yaml).Only().Rule, Is.EqualTo(SloRules.InvalidBudgeting));
    }

    [Test]
    public void A_time_window_must_have_exactly_one_entry()
    {
        var two = Sample.OpenSlo.With("    - duration: 28d\n      isRolling: true", "    - duration: 28d\n      isRolling: true\n    - duration: 7d\n      isRolling: true");
        var none = Sample.OpenSlo.With("  timeWindow:\n    - duration: 28d\n      isRolling: true\n", string.Empty);

        Assert.That((Validate.Text(two).Only().Rule, Validate.Text(two).Only().At()), Is.EqualTo((SloRules.InvalidTimeWindow, (39, 5))));
        Assert.That(Validate.Text(none).Only().Rule, Is.EqualTo(SloRules.InvalidTimeWindow));
    }

    [Test]
    public void A_calendar_window_needs_a_calendar_and_a_rolling_one_must_not_have_one()
    {
        var calendarMissing = Sample.OpenSlo.With("      isRolling: true\n  objectives:\n    - displayName", "      isRolling: false\n  objectives:\n    - displayName");
        var calendarWithRolling = Sample.OpenSlo.With("      isRolling: true\n  objectives:\n    - displayName", "      isRolling: true\n      calendar:\n        startTime: 2024-01-01 00:00:00\n        timeZone: Europe/Warsaw\n  objectives:\n    - displayName");
        var calendar = Sample.OpenSlo.With("      isRolling: true\n  objectives:\n    - displayName", "      calendar:\n        startTime: 2024-01-01 00:00:00\n        timeZone: Europe/Warsaw\n  objectives:\n    - displayName");

        Assert.That(Validate.Text(calendarMissing).Only().Rule, Is.EqualTo(SloRules.InvalidTimeWindow));
        Assert.That(Validate.Text(calendarWithRolling).Only().At(), Is.EqualTo((41, 7)));
        Assert.That(Validate.Text(calendar).Findings, Is.Empty);
    }

    [TestCase("startTime: 2024-01-01", "timeZone: UTC")]
    [TestCase("startTime: 2024-01-01 00:00:00", "timeZone: warsaw time")]
    public void A_calendar_start_time_and_time_zone_are_checked(string startTime, string timeZone)
    {
        var yaml = Sample.OpenSlo.With("      isRolling: true\n  objectives:\n    - displayName", $"      calendar:\n        {startTime}\n        {timeZone}\n  objectives:\n    - displayName");

        Assert.That(Validate.Text(yaml).Only().Rule, Is.EqualTo(SloRules.InvalidTimeWindow));
    }

    [Test]
    public void An_slo_needs_an_indicator_or_an_indicator_ref_but_not_both()
    {
        var none = Sample.OpenSlo.With("  indicatorRef: checkout-success\n", string.Empty);
        var both = Sample.OpenSlo.With("  indicatorRef: checkout-success\n", "  indicatorRef: checkout-success\n  indicator:\n    metadata:\n      name: x\n    spec:\n      thresholdMetric:\n        metricSource:\n          spec:\n            query: up\n");

        Assert.That(Validate.Text(none).Only().Rule, Is.EqualTo(SloRules.ConflictingFields));
        Assert.That(Validate.Text(both).Only().Rule, Is.EqualTo(SloRules.ConflictingFields));
    }

    [Test]
    public void A_composite_slo_names_an_indicator_on_each_objective()
    {
        var composite = Sample.OpenSlo.With("  indicatorRef: checkout-success\n", string.Empty)
            .With("    - displayName: Good\n      target: 0.999", "    - displayName: Good\n      target: 0.999\n      indicatorRef: checkout-success\n      compositeWeight: 1");

        Assert.That(Validate.Text(composite).Findings, Is.Empty);
        Assert.That(Validate.Text(composite.With("compositeWeight: 1", "compositeWeight: 0")).Only().Rule, Is.EqualTo(SloRules.InvalidValue));
    }

    [Test]
    public void An_sli_with_both_ratio_and_threshold_metrics_is_reported()
    {
        var yaml = Sample.OpenSlo.With("spec:\n  ratioMetric:", "spec:\n  thresholdMetric:\n    metricSource:\n      type: Prometheus\n      spec:\n        query: up\n  ratioMetric:");

        Assert.That((Validate.Text(yaml).Only().Rule, Validate.Text(yaml).Only().At()), Is.EqualTo((SloRules.InvalidIndicatorMetric, (13, 1))));
    }

    [Test]
    public void A_ratio_metric_with_good_and_bad_is_reported()
    {
        var yaml = Sample.OpenSlo.With("    total:\n      metricSource:\n        type: Prometheus", "    bad:\n      metricSource:\n        type: Prometheus\n        spec:\n          query: x\n    total:\n      metricSource:\n        type: Prometheus");

        Assert.That(Validate.Text(yaml).Only().Message, Does.Contain("both good and bad"));
    }

    [Test]
    public void A_ratio_metric_with_total_alone_is_reported()
    {
        var yaml = Sample.OpenSlo.With("    good:\n      metricSource:\n        type: Prometheus\n        spec:\n          query: sum(rate(http_requests_total{service=\"checkout\",code!~\"5..\"}[5m]))\n", string.Empty);

        Assert.That(Validate.Text(yaml).Only().Message, Does.Contain("good or bad"));
    }

    [Test]
    public void A_raw_ratio_needs_a_raw_type_and_stands_alone()
    {
        var raw = Sample.OpenSlo.With("    good:", "    rawType: success\n    raw:\n      metricSource:\n        type: Prometheus\n        spec:\n          query: x\n    bad:")
            .With("    total:\n      metricSource:\n        type: Prometheus\n        spec:\n          query: sum(rate(http_requests_total{service=\"checkout\"}[5m]))", string.Empty);
        var withoutType = raw.With("    rawType: success\n", string.Empty);

        Assert.That(Validate.Text(raw).Only().Message, Does.Contain("raw together with bad"));
        Assert.That(Validate.Text(withoutType).Ids(), Does.Contain("GR3010"));
    }

    [Test]
    public void A_raw_type_other_than_success_or_failure_is_reported()
    {
        var yaml = Sample.OpenSlo
            .With("    good:\n      metricSource:\n        type: Prometheus\n        spec:\n          query: sum(rate(http_requests_total{service=\"checkout\",code!~\"5..\"}[5m]))\n", "    rawType: good\n")
            .With("    total:\n      metricSource:\n        type: Prometheus\n        spec:\n          query: sum(rate(http_requests_total{", "    raw:\n      metricSource:\n        type: Prometheus\n        spec:\n          query: sum(rate(http_requests_total{");

        Assert.That(Validate.Text(yaml).Only().Rule, Is.EqualTo(SloRules.InvalidValue));
    }

    [Test]
    public void A_metric_source_needs_a_non_empty_spec()
    {
        var missing = Sample.OpenSlo.With("        type: Prometheus\n        spec:\n          query: sum(rate(http_requests_total{service=\"checkout\"}[5m]))", "        type: Prometheus");
        var empty = Sample.OpenSlo.With("        spec:\n          query: sum(rate(http_requests_total{service=\"checkout\"}[5m]))", "        spec: {}");

        Assert.That(Validate.Text(missing).Only().Rule, Is.EqualTo(SloRules.MissingField));
        Assert.That(Validate.Text(empty).Only().Rule, Is.EqualTo(SloRules.MissingField));
    }

    private const string ThresholdSlo = """
            apiVersion: openslo/v1
            kind: SLO
            metadata:
              name: checkout-p99
            spec:
              service: checkout
              indicator:
                metadata:
                  name: checkout-p99-latency
                spec:
                  thresholdMetric:
                    metricSource:
                      type: Prometheus
                      spec:
                        query: histogram_quantile(0.99, sum(rate(http_request_duration_seconds_bucket[5m])) by (le))
              budgetingMethod: Occurrences
              timeWindow:
                - duration: 28d
                  isRolling: true
              objectives:
                - targetPercent: 99

            """;

    [Test]
    public void A_threshold_slo_needs_an_operator_and_a_value_on_each_objective()
    {
        Assert.That(Validate.Text(ThresholdSlo).Ids(), Is.EqualTo("GR3010 GR3010"));
        Assert.That(Validate.Text(ThresholdSlo.With("- targetPercent: 99", "- targetPercent: 99\n      op: lte\n      value: 0.3")).Findings, Is.Empty);
    }

    [Test]
    public void An_objective_operator_of_an_inline_threshold_sli_is_one_of_gt_lt_gte_lte()
    {
        var finding = Validate.Text(ThresholdSlo.With("- targetPercent: 99", "- targetPercent: 99\n      op: le\n      value: 0.3")).Only();

        Assert.That((finding.Rule, finding.At()), Is.EqualTo((SloRules.InvalidValue, (22, 11))));
    }

    [Test]
    public void An_alert_policy_needs_exactly_one_condition_and_a_notification_target()
    {
        var noTargets = Sample.OpenSlo.With("  notificationTargets:\n    - targetRef: on-call\n", string.Empty);
        var twoConditions = Sample.OpenSlo.With("  notificationTargets:", "    - conditionRef: slow-burn\n  notificationTargets:");

        Assert.That(Validate.Text(noTargets).Only().Rule, Is.EqualTo(SloRules.MissingField));
        Assert.That((Validate.Text(twoConditions).Only().Rule, Validate.Text(twoConditions).Only().At()), Is.EqualTo((SloRules.InvalidAlertCondition, (88, 5))));
    }

    [Test]
    public void An_inline_condition_and_a_reference_together_are_reported()
    {
        var finding = Validate.Text(Sample.OpenSlo.With("    - kind: AlertCondition\n", "    - kind: AlertCondition\n      conditionRef: slow-burn\n")).Only();

        Assert.That((finding.Rule, finding.At()), Is.EqualTo((SloRules.ConflictingFields, (88, 7))));
    }

    [Test]
    public void An_inline_object_of_the_wrong_kind_is_reported()
    {
        var finding = Validate.Text(Sample.OpenSlo.With("    - kind: AlertCondition\n", "    - kind: AlertPolicy\n")).Only();

        Assert.That((finding.Rule, finding.At()), Is.EqualTo((SloRules.InvalidValue, (88, 13))));
    }

    [TestCase("          kind: burnrate\n", "          kind: rate\n", "GR3019")]
    [TestCase("          op: gte\n", "", "GR3010")]
    [TestCase("          threshold: 14.4\n", "", "GR3010")]
    [TestCase("          lookbackWindow: 1h\n", "", "GR3010")]
    [TestCase("          lookbackWindow: 1h\n", "          lookbackWindow: 1 hour\n", "GR3013")]
    [TestCase("          alertAfter: 5m\n", "          alertAfter: 5s\n", "GR3013")]
    [TestCase("        severity: page\n", "", "GR3010")]
    public void Alert_condition_fields_are_checked(string original, string replacement, string id)
    {
        Assert.That(Validate.Text(Sample.OpenSlo.With(original, replacement)).Ids(), Is.EqualTo(id));
    }

    [Test]
    public void A_notification_target_needs_a_target()
    {
        Assert.That(Validate.Text(Sample.OpenSlo.With("  target: pagerduty", "  description: Pager")).Only().Rule, Is.EqualTo(SloRules.MissingField));
    }

    [Test]
    public void A_data_source_needs_a_type_and_connection_details()
    {
        var yaml = Sample.OpenSlo + "---\napiVersion: openslo/v1\nkind: DataSource\nmetadata:\n  name: prometheus\nspec:\n  description: Main Prometheus\n";

        Assert.That(Validate.Text(yaml).Ids(), Is.EqualTo("GR3010 GR3010"));
        Assert.That(Validate.Text(yaml + "  type: Prometheus\n  connectionDetails:\n    url: http://prometheus:9090\n").Findings, Is.Empty);
    }

    [Test]
    public void Label_and_annotation_keys_follow_the_go_sdk_patterns()
    {
        var yaml = Sample.OpenSlo.With("  displayName: Checkout", "  displayName: Checkout\n  labels:\n    team: payments\n    tier: [critical, external]\n    team/name: x\n  annotations:\n    example.com/owner: payments\n    Bad.Domain/key: x");

        var result = Validate.Text(yaml);

        Assert.That(result.Ids(), Is.EqualTo("GR3012 GR3012"));
        Assert.That(result.Findings.Select(finding => finding.At()), Is.EqualTo(new[] { (9, 5), (12, 5) }));
    }

    [Test]
    public void An_unknown_kind_is_reported_at_its_value()
    {
        var finding = Validate.Text(Sample.OpenSlo.With("kind: Service", "kind: Serivce")).Only();

        Assert.That((finding.Rule, finding.At()), Is.EqualTo((SloRules.InvalidValue, (2, 7))));
    }

    [Test]
    public void Another_openslo_version_is_named_with_a_way_forward()
    {
        var finding = Validate.Text("apiVersion: openslo/v1alpha\nkind: Service\nmetadata:\n  name: checkout\n").Only();

        Assert.That((finding.Rule, finding.At()), Is.EqualTo((SloRules.UnknownDocument, (1, 13))));
        Assert.That(finding.Message, Does.Contain("oslo convert"));
    }

    [Test]
    public void A_document_holding_a_list_of_objects_is_read_like_separate_documents()
    {
        var yaml = "- apiVersion: openslo/v1\n  kind: Service\n  metadata:\n    name: checkout\n- apiVersion: openslo/v1\n  kind: Service\n  metadata:\n    name: Payments\n";

        Assert.That((Validate.Text(yaml).Only().Rule, Validate.Text(yaml).Only().At()), Is.EqualTo((SloRules.InvalidName, (8, 11))));
    }

    [Test]
    public void One_bad_document_does_not_hide_the_findings_of_the_next()
    {
        var yaml = Sample.OpenSlo.With("kind: Service", "kind: Serivce").With("target: 0.999", "target: 2");

        Assert.That(Validate.Text(yaml).Ids(), Is.EqualTo("GR3020 GR3014"));
    }

    [Test]
    public void A_misspelt_value_gets_a_suggestion()
    {
        var finding = Validate.Text(Sample.OpenSlo.With("budgetingMethod: Occurrences\n  timeWindow:\n    - duration: 28d", "budgetingMethod: Occurences\n  timeWindow:\n    - duration: 28d")).Only();

        Assert.That(finding.Message, Does.EndWith("did you mean 'Occurrences'?"));
    }

    [Test]
    public void An_is_rolling_of_the_wrong_type_is_one_finding_not_two()
    {
        var finding = Validate.Text(Sample.OpenSlo.With("    - duration: 28d\n      isRolling: true", "    - duration: 28d\n      isRolling: yes")).Only();

        Assert.That((finding.Rule, finding.At()), Is.EqualTo((SloRules.WrongValueType, (40, 18))));
    }

    [Test]
    public void Findings_about_an_slo_with_an_invalid_name_still_name_it()
    {
        var yaml = Sample.OpenSlo.With("  name: checkout-availability", "  name: Checkout-Availability").With("    guardrails.dev/runbook: docs/runbooks/checkout.md#availability\n", string.Empty);

        var finding = Validate.Text(yaml, Validate.Full).Single(SloRules.MissingRunbook);

        Assert.That((finding.At(), finding.Message), Is.EqualTo(((30, 9), "SLO Checkout-Availability names no runbook. Add the annotation 'guardrails.dev/runbook: docs/runbooks/<name>.md' to its metadata.")));
    }
}
