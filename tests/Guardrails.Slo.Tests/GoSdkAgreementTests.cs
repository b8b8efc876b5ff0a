using System.Linq;

namespace Guardrails.Slo.Tests;

/// <summary>
/// Where <c>--spec-only</c> once disagreed with the OpenSLO go-sdk (OpenSLO/go-sdk@ae145da1, pkg/openslo/v1) and now
/// agrees; docs/slo-format.md lists each rule with the go-sdk line it follows.
/// </summary>
public sealed class GoSdkAgreementTests
{
    [Test]
    public void Op_and_value_are_forbidden_next_to_an_inline_ratio_sli()
    {
        // slo.go:321-328, sloRatioObjectiveValidationWhenInlinedSLI: Forbidden.
        var result = Validate.Text(Sample.OpenSlo.With("    - targetPercent: 99", "    - targetPercent: 99\n      op: lte\n      value: 1"));

        Assert.That(result.Findings.Select(finding => (finding.Rule, finding.At())), Is.EqualTo(new[] { (SloRules.UnknownField, (78, 7)), (SloRules.UnknownField, (79, 7)) }));
        Assert.That(result.Findings[0].Message, Does.Contain("ratio metric"));
    }

    [Test]
    public void The_operator_of_an_objective_whose_sli_is_referenced_is_not_checked()
    {
        // slo.go:311-319: op is validated only with an inline threshold SLI.
        var yaml = Sample.OpenSlo.With("      target: 0.999", "      target: 0.999\n      op: le");

        Assert.That(Validate.Text(yaml).Findings, Is.Empty);
        Assert.That(Validate.Text(yaml, Validate.Full).Findings, Is.Empty);
    }

    [Test]
    public void A_time_slice_target_is_only_checked_when_the_budgeting_method_uses_it()
    {
        // slo.go:343-354: the timeSliceTarget rules apply When budgetingMethod is Timeslices.
        var yaml = Sample.OpenSlo.With("      target: 0.999", "      target: 0.999\n      timeSliceTarget: 1.5");

        Assert.That(Validate.Text(yaml).Findings, Is.Empty);
    }

    [Test]
    public void An_empty_metric_source_ref_is_no_reference()
    {
        // sli.go:179-182: metricSourceRef is OmitEmpty.
        var yaml = Sample.OpenSlo.With("    good:\n      metricSource:\n", "    good:\n      metricSource:\n        metricSourceRef: \"\"\n");

        Assert.That(Validate.Text(yaml).Findings, Is.Empty);
        Assert.That(Validate.Text(yaml, Validate.Full).Findings, Is.Empty);
    }

    [TestCase("timeZone: UTC", "startTime")]
    [TestCase("startTime: 2024-01-01 00:00:00", "timeZone")]
    public void A_calendar_needs_its_start_time_and_time_zone(string written, string missing)
    {
        // slo.go:249-255 run StringDateTime and StringTimeZone on the empty value, which fail (govy rules.go getValue).
        var yaml = Sample.OpenSlo.With("      isRolling: true\n  objectives:\n    - displayName", $"      calendar:\n        {written}\n  objectives:\n    - displayName");

        var finding = Validate.Text(yaml).Only();

        Assert.That(finding.Rule, Is.EqualTo(SloRules.MissingField));
        Assert.That(finding.Message, Does.Contain("calendar." + missing + " is required"));
    }

    [Test]
    public void A_name_with_a_trailing_line_feed_is_not_a_dns_label()
    {
        // objects.go:111-114 StringDNSLabel: Go's $ does not match before a final line feed.
        var yaml = Sample.OpenSlo.With("  name: checkout\n  displayName: Checkout", "  name: |\n    checkout\n  displayName: Checkout");

        var finding = Validate.Text(yaml).Only();

        Assert.That((finding.Rule, finding.At()), Is.EqualTo((SloRules.InvalidName, (4, 9))));
    }

    [Test]
    public void A_zero_duration_is_valid_outside_the_time_window()
    {
        // duration_shorthand.go:128-136: value GTE(0).
        var yaml = Sample.OpenSlo.With("          alertAfter: 5m", "          alertAfter: 0m");

        Assert.That(Validate.Text(yaml).Findings, Is.Empty);
    }

    [Test]
    public void Lengths_count_characters_not_utf16_units()
    {
        // objects.go:115-118 and govy's StringMaxLength count runes: 40 emoji are 40 characters, not 80.
        var emoji = string.Concat(Enumerable.Repeat("\U0001F680", 40));
        var yaml = Sample.OpenSlo.With("  displayName: Checkout", "  displayName: " + emoji);
        var tooLong = Sample.OpenSlo.With("  displayName: Checkout", "  displayName: " + emoji + emoji);

        Assert.That(Validate.Text(yaml).Findings, Is.Empty);
        Assert.That(Validate.Text(tooLong).Only().Message, Does.Contain("has 80 characters"));
    }

    [Test]
    public void A_null_connection_details_is_written_and_so_not_missing()
    {
        // data_source.go:81-83: connectionDetails is a json.RawMessage, and null is a non-empty one.
        const string DataSource = "apiVersion: openslo/v1\nkind: DataSource\nmetadata:\n  name: prometheus\nspec:\n  type: Prometheus\n  connectionDetails: null\n";

        Assert.That(Validate.Text(DataSource).Findings, Is.Empty);
        Assert.That(Validate.Text(DataSource.Replace("  connectionDetails: null\n", string.Empty, System.StringComparison.Ordinal)).Only().Rule, Is.EqualTo(SloRules.MissingField));
    }

    [TestCase("team: null")]
    [TestCase("team: [payments, null]")]
    [TestCase("team: \"5\"")]
    public void Label_values_decode_as_the_go_sdk_decodes_them(string label)
    {
        // objects.go:46-60: a label is a string or a list of strings; JSON null decodes to nothing, not an error.
        var yaml = Sample.OpenSlo.With("  displayName: Checkout", "  displayName: Checkout\n  labels:\n    " + label);

        Assert.That(Validate.Text(yaml).Findings, Is.Empty);
    }

    [TestCase("labels:\n    team: 5")]
    [TestCase("labels:\n    team: [payments, true]")]
    [TestCase("annotations:\n    example.com/tier: 1")]
    public void A_number_or_boolean_where_the_go_sdk_decodes_a_string_is_refused(string field)
    {
        // objects.go:42-46: labels and annotations are Go strings; sigs.k8s.io/yaml turns 5 into a JSON number first,
        // which pkg/openslosdk/encoding.go:219-223 then refuses to decode into a string.
        var yaml = Sample.OpenSlo.With("  displayName: Checkout", "  displayName: Checkout\n  " + field);

        Assert.That(Validate.Text(yaml).Only().Rule, Is.EqualTo(SloRules.WrongValueType));
    }

    [Test]
    public void A_null_annotation_is_an_empty_one()
    {
        // objects.go:44: map[string]string, and JSON null leaves the value empty.
        var yaml = Sample.OpenSlo.With("  displayName: Checkout", "  displayName: Checkout\n  annotations:\n    example.com/owner: null");

        Assert.That(Validate.Text(yaml).Findings, Is.Empty);
    }
}
