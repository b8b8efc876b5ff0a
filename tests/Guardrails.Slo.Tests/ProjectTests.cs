using System.Linq;
using Guardrails.Slo.Prometheus;
using Guardrails.Testing;

namespace Guardrails.Slo.Tests;

/// <summary>What Guardrails checks beyond the formats: references across files, the service policy, runbooks named.</summary>
public sealed class ProjectTests
{
    private const string Service = "apiVersion: openslo/v1\nkind: Service\nmetadata:\n  name: checkout\n";

    [Test]
    public void References_resolve_across_files()
    {
        using var directory = TemporaryFolder.Create("guardrails-slo-");
        var (serviceAndSli, rest) = Split(Sample.OpenSlo, "---\napiVersion: openslo/v1\nkind: SLO");
        var files = new[] { directory.Write("slo/objects.yaml", serviceAndSli), directory.Write("slo/slos.yaml", rest) };

        var result = SloValidator.Validate(files, Validate.Full with { BaseDirectory = directory.Root });

        Assert.That(result.Findings, Is.Empty);
        Assert.That(result.Slos.Select(slo => slo.Name), Is.EqualTo(new[] { "checkout-availability", "checkout-latency" }));
    }

    [Test]
    public void A_reference_to_an_sli_no_file_declares_is_an_error_at_the_reference()
    {
        using var directory = TemporaryFolder.Create("guardrails-slo-");
        var file = directory.Write("slo/checkout.yaml", Sample.OpenSlo.With("indicatorRef: checkout-success", "indicatorRef: checkout-succes"));

        var finding = SloValidator.Validate([file], Validate.Full with { BaseDirectory = directory.Root }).Only();

        Assert.That(finding.ToString(), Does.StartWith("slo/checkout.yaml(36,17,36,32): error GR3025: spec.indicatorRef names SLI 'checkout-succes'"));
        Assert.That(finding.Message, Does.EndWith("Did you mean 'checkout-success'?"));
    }

    [Test]
    public void A_reference_far_from_every_name_says_how_to_declare_it()
    {
        var finding = Validate.Text(Sample.OpenSlo.With("indicatorRef: checkout-success", "indicatorRef: payments-success"), Validate.Full).Only();

        Assert.That(finding.Message, Does.EndWith("Declare it (kind: SLI, metadata.name: payments-success) or correct the name."));
    }

    [TestCase("alertPolicyRef: checkout-fast-burn", "alertPolicyRef: checkout-slow-burn", "AlertPolicy")]
    [TestCase("targetRef: on-call", "targetRef: on-cal", "AlertNotificationTarget")]
    [TestCase("service: checkout\n  indicatorRef", "service: checkuot\n  indicatorRef", "Service")]
    public void Every_kind_of_reference_is_resolved(string original, string replacement, string kind)
    {
        var result = Validate.Text(Sample.OpenSlo.With(original, replacement), Validate.Full);

        Assert.That(result.Single(SloRules.UnresolvedReference).Message, Does.Contain(kind));
    }

    [Test]
    public void A_condition_reference_and_a_data_source_reference_are_resolved()
    {
        var yaml = Sample.OpenSlo
            .With("    - kind: AlertCondition\n      metadata:\n        name: fast-burn\n      spec:\n        severity: page\n        condition:\n          kind: burnrate\n          op: gte\n          threshold: 14.4\n          lookbackWindow: 1h\n          alertAfter: 5m\n", "    - conditionRef: fast-burn\n")
            .With("    good:\n      metricSource:\n        type: Prometheus", "    good:\n      metricSource:\n        metricSourceRef: prometheus");

        var result = Validate.Text(yaml, Validate.Full);

        Assert.That(result.Ids(), Is.EqualTo("GR3025 GR3025"));
        Assert.That(Validate.Text(yaml, Validate.SpecOnly).Findings, Is.Empty);
    }

    [Test]
    public void Spec_only_mode_does_not_resolve_references_as_oslo_validate_does_not()
    {
        Assert.That(Validate.Text(Sample.OpenSlo.With("indicatorRef: checkout-success", "indicatorRef: elsewhere"), Validate.SpecOnly).Findings, Is.Empty);
    }

    [Test]
    public void Objectives_of_an_slo_referencing_a_threshold_sli_need_op_and_value()
    {
        var yaml = Sample.OpenSlo.With(
            "spec:\n  ratioMetric:\n    counter: true\n    good:\n      metricSource:\n        type: Prometheus\n        spec:\n          query: sum(rate(http_requests_total{service=\"checkout\",code!~\"5..\"}[5m]))\n    total:",
            "spec:\n  thresholdMetric:");

        var result = Validate.Text(yaml, Validate.Full);

        Assert.That(Validate.Text(yaml, Validate.SpecOnly).Findings, Is.Empty);
        Assert.That(result.Single(SloRules.MissingField).Location.Line, Is.EqualTo(35));
        Assert.That(Validate.Text(yaml.With("      target: 0.999", "      target: 0.999\n      op: gte\n      value: 1"), Validate.Full).Findings.Where(finding => finding.Rule == SloRules.MissingField), Is.Empty);
    }

    [Test]
    public void An_slo_without_objectives_is_valid_for_oslo_but_not_for_the_team()
    {
        var yaml = Sample.OpenSlo.With("  objectives:\n    - targetPercent: 99\n", string.Empty);

        Assert.That(Validate.Text(yaml, Validate.SpecOnly).Findings, Is.Empty);
        Assert.That((Validate.Text(yaml, Validate.Full).Only().Rule, Validate.Text(yaml, Validate.Full).Only().At()), Is.EqualTo((SloRules.MissingField, (54, 1))));
    }

    [Test]
    public void A_file_listed_twice_is_validated_once()
    {
        using var directory = TemporaryFolder.Create("guardrails-slo-");
        var file = directory.Write("checkout.yaml", Sample.OpenSlo);

        var result = SloValidator.Validate([file, file], Validate.Full);

        Assert.That(result.Findings, Is.Empty);
        Assert.That(result.Slos, Has.Count.EqualTo(2));
    }

    [Test]
    public void The_same_name_declared_twice_for_one_kind_is_reported_at_the_second()
    {
        using var directory = TemporaryFolder.Create("guardrails-slo-");
        var first = directory.Write("a.yaml", Service);
        var second = directory.Write("b.yaml", Service);

        var result = SloValidator.Validate([first, second], Validate.Full with { BaseDirectory = directory.Root, RequiredCategories = [] });

        Assert.That(result.Only().ToString(), Does.StartWith("b.yaml(4,9,4,17): error GR3024: Service 'checkout' is already declared at a.yaml(4,9)"));
    }

    [Test]
    public void A_service_without_a_latency_slo_breaks_the_policy_at_the_service()
    {
        var yaml = Sample.OpenSlo.With("guardrails.dev/category: latency", "guardrails.dev/category: other");

        var finding = Validate.Text(yaml, Validate.Full).Only();

        Assert.That((finding.Rule, finding.At()), Is.EqualTo((SloRules.MissingRequiredCategory, (4, 9))));
        Assert.That(finding.Message, Does.Contain("Service 'checkout' has no latency SLO"));
    }

    [Test]
    public void A_service_named_only_by_its_slos_is_held_to_the_policy_too()
    {
        var result = Validate.Text(Sample.Sloth.With("guardrails_category: latency", "guardrails_category: availability"), Validate.Full);

        Assert.That((result.Only().Rule, result.Only().At()), Is.EqualTo((SloRules.MissingRequiredCategory, (2, 10))));
    }

    [Test]
    public void A_service_with_no_slos_at_all_misses_both_categories()
    {
        var finding = Validate.Text(Service, Validate.Full).Only();

        Assert.That(finding.Message, Does.Contain("no availability and latency SLOs"));
    }

    [Test]
    public void The_required_categories_are_configurable()
    {
        var options = Validate.Full with { RequiredCategories = [SloCategory.Availability] };

        Assert.That(Validate.Text(Sample.OpenSlo.With("guardrails.dev/category: latency", "guardrails.dev/category: other"), options).Findings, Is.Empty);
        Assert.That(Validate.Text(Service, Validate.Full with { RequiredCategories = [] }).Findings, Is.Empty);
    }

    [Test]
    public void An_slo_without_a_category_is_reported_at_its_name()
    {
        var yaml = Sample.OpenSlo.With("    guardrails.dev/category: availability\n", string.Empty);

        var result = Validate.Text(yaml, Validate.Full);

        Assert.That(result.Ids(), Is.EqualTo("GR3026 GR3027"));
        Assert.That(result.Findings[1].At(), Is.EqualTo((30, 9)));
    }

    [Test]
    public void An_unknown_category_is_reported_at_its_value()
    {
        var result = Validate.Text(Sample.Sloth.With("guardrails_category: latency", "guardrails_category: speed"), Validate.Full);

        var finding = result.Single(SloRules.MissingCategory);
        Assert.That(finding.At(), Is.EqualTo((29, 28)));
        Assert.That(finding.Message, Does.Contain("availability, latency, other"));
    }

    [Test]
    public void Categories_are_read_into_the_prometheus_slos()
    {
        var result = Validate.Text(Sample.OpenSlo, Validate.Full);

        Assert.That(result.Slos.Select(slo => slo.Category), Is.EqualTo(new[] { SloCategory.Availability, SloCategory.Latency }));
    }

    [Test]
    public void An_slo_and_an_alert_policy_without_a_runbook_are_reported()
    {
        var yaml = Sample.OpenSlo.With("    guardrails.dev/runbook: docs/runbooks/checkout.md#latency\n", string.Empty)
            .With("  annotations:\n    runbook_url: docs/runbooks/checkout.md#fast-burn\n", string.Empty);

        var result = Validate.Text(yaml, Validate.Full);

        Assert.That(result.Findings.Select(finding => (finding.Rule.Id, finding.Location.Line)), Is.EqualTo(new[] { ("GR3028", 50), ("GR3028", 81) }));
        Assert.That(Validate.Text(yaml, Validate.SpecOnly).Findings, Is.Empty);
    }

    [Test]
    public void A_sloth_slo_whose_enabled_alert_has_no_runbook_is_reported()
    {
        var yaml = Sample.Sloth.With("      ticket_alert:\n        disable: true\n", "      ticket_alert:\n        disable: false\n");

        Assert.That((Validate.Text(yaml, Validate.Full).Only().Rule, Validate.Text(yaml, Validate.Full).Only().At()), Is.EqualTo((SloRules.MissingRunbook, (33, 5))));
    }

    [Test]
    public void Runbook_references_are_collected_with_their_subject_and_position()
    {
        var openSlo = Validate.Text(Sample.OpenSlo, Validate.Full).RunbookReferences;
        var sloth = Validate.Text(Sample.Sloth, Validate.Full).RunbookReferences;

        Assert.That(
            openSlo.Select(reference => (reference.Target, reference.Subject, reference.Location.Line, reference.Location.Column)),
            Is.EqualTo(new[]
            {
                ("docs/runbooks/checkout.md#availability", "SLO checkout-availability", 33, 29),
                ("docs/runbooks/checkout.md#latency", "SLO checkout-latency", 53, 29),
                ("docs/runbooks/checkout.md#fast-burn", "alert checkout-fast-burn", 84, 18),
            }));
        Assert.That(
            sloth.Select(reference => (reference.Target, reference.Subject, reference.Location.Line)),
            Is.EqualTo(new[]
            {
                ("docs/runbooks/payments.md", "SLO payments-requests-availability", 19),
                ("docs/runbooks/payments.md#latency", "alert PaymentsHighLatency", 37),
            }));
    }

    [Test]
    public void Runbooks_of_inline_alert_policies_are_collected()
    {
        var yaml = Sample.OpenSlo.With("    - alertPolicyRef: checkout-fast-burn", "    - kind: AlertPolicy\n      metadata:\n        name: checkout-page\n        annotations:\n          guardrails.dev/runbook: https://runbooks.example.com/checkout\n      spec:\n        conditions:\n          - conditionRef: fast-burn\n        notificationTargets:\n          - targetRef: on-call");

        var references = Validate.Text(yaml, Validate.SpecOnly).RunbookReferences;

        Assert.That(references.Select(reference => reference.Subject), Does.Contain("alert checkout-page"));
        Assert.That(references.Single(reference => reference.Subject == "alert checkout-page").Target, Is.EqualTo("https://runbooks.example.com/checkout"));
    }

    private static (string Before, string After) Split(string text, string marker)
    {
        var index = text.IndexOf(marker, System.StringComparison.Ordinal);
        return (text.Substring(0, index), text.Substring(index));
    }
}
