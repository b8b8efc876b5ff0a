using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using Guardrails.Testing;

namespace Guardrails.Slo.Tests;

public sealed class BadInputTests
{
    [Test]
    public void An_empty_file_is_one_finding()
    {
        var result = Validate.Text("");

        Assert.That(result.Findings.Single().ToString(), Does.StartWith("slo.yaml(1,1,1,1): error GR3004:"));
    }

    [Test]
    public void A_file_of_comments_only_is_empty()
    {
        Assert.That(Validate.Text("# nothing yet\n---\n").Ids(), Is.EqualTo("GR3004"));
    }

    [Test]
    public void A_dedented_key_is_one_syntax_error_at_its_line_and_no_policy_follow_on()
    {
        var yaml = Sample.OpenSlo.With("  service: checkout\n  indicatorRef: checkout-success\n", "  service: checkout\n indicatorRef: checkout-success\n");
        var misindented = yaml.Split('\n').ToList().IndexOf(" indicatorRef: checkout-success") + 1;

        var finding = Validate.Text(yaml, Validate.Full).Only();

        Assert.That((finding.Rule, finding.Location.Line, finding.Message), Is.EqualTo((SloRules.YamlSyntax, misindented, "This line is indented by 1 space(s), which matches no enclosing key; indent it like the keys it belongs with.")));
    }

    [Test]
    public void A_tab_used_for_indentation_says_so_at_its_line()
    {
        var finding = Validate.Text("apiVersion: openslo/v1\nkind: Service\nmetadata:\n\tname: checkout\n").Single(SloRules.YamlSyntax);

        Assert.That(finding.Location.Line, Is.EqualTo(4));
        Assert.That(finding.Message, Does.Contain("tabs"));
    }

    [Test]
    public void A_duplicate_key_is_reported_at_its_second_occurrence()
    {
        var finding = Validate.Text("apiVersion: openslo/v1\nkind: Service\nkind: SLO\n").Single(SloRules.DuplicateKey);

        Assert.That((finding.Location.Line, finding.Location.Column), Is.EqualTo((3, 1)));
        Assert.That(finding.Message, Does.Contain("'kind'"));
    }

    [Test]
    public void A_document_of_another_format_is_named()
    {
        var finding = Validate.Text("apiVersion: apps/v1\nkind: Deployment\n").Single(SloRules.UnknownDocument);

        Assert.That(finding.Message, Does.Contain("apps/v1"));
    }

    [Test]
    public void Deep_nesting_is_one_finding_not_a_stack_overflow()
    {
        var yaml = "a: " + new string('[', 100_000) + new string(']', 100_000) + "\n";

        var result = Validate.Text(yaml);

        Assert.That(result.Ids(), Is.EqualTo("GR3006"));
    }

    [Test]
    public void A_billion_laughs_is_one_finding_at_the_alias()
    {
        var yaml = new StringBuilder("a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (var level = 1; level < 10; level++)
        {
            var aliases = string.Join(", ", Enumerable.Repeat($"*a{level - 1}", 9));
            yaml.Append(CultureInfo.InvariantCulture, $"a{level}: &a{level} [{aliases}]\n");
        }

        var finding = Validate.Text(yaml.ToString()).Single(SloRules.AliasExpansionTooLarge);

        Assert.That(finding.Location.Line, Is.LessThanOrEqualTo(10));
    }

    [Test]
    public void A_binary_file_is_reported_not_parsed()
    {
        var path = Path.Combine(Path.GetTempPath(), Guid.NewGuid() + ".yaml");
        File.WriteAllBytes(path, [0x7F, (byte)'E', (byte)'L', (byte)'F', 2, 1, 1, 0, 0, 0]);
        try
        {
            var result = SloValidator.Validate([path], Validate.SpecOnly);

            Assert.That(result.Single(SloRules.UnreadableFile).Message, Does.Contain("binary"));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Test]
    public void A_file_that_is_not_utf8_names_the_line_of_the_bad_byte()
    {
        var path = Path.Combine(Path.GetTempPath(), Guid.NewGuid() + ".yaml");
        File.WriteAllBytes(path, [.. Encoding.ASCII.GetBytes("version: prometheus/v1\nservice: caf"), 0xE9, (byte)'\n']);
        try
        {
            var finding = SloValidator.Validate([path], Validate.SpecOnly).Single(SloRules.UnreadableFile);

            Assert.That((finding.Location.Line, finding.Location.Column), Is.EqualTo((2, 13)));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Test]
    public void A_20_megabyte_file_is_refused_without_being_parsed()
    {
        var path = Path.Combine(Path.GetTempPath(), Guid.NewGuid() + ".yaml");
        using (var stream = File.Create(path))
        {
            stream.SetLength(20L * 1024 * 1024);
        }

        try
        {
            var result = SloValidator.Validate([path], Validate.SpecOnly);

            Assert.That(result.Ids(), Is.EqualTo("GR3003"));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Test]
    public void A_missing_file_does_not_hide_the_findings_of_the_next_one()
    {
        var other = Path.Combine(Path.GetTempPath(), Guid.NewGuid() + ".yaml");
        File.WriteAllText(other, "apiVersion: apps/v1\n");
        try
        {
            var result = SloValidator.Validate([Path.Combine(Path.GetTempPath(), "no-such-file.yaml"), other], Validate.SpecOnly);

            Assert.That(result.Ids(), Is.EqualTo("GR3002 GR3008"));
        }
        finally
        {
            File.Delete(other);
        }
    }

    [Test]
    public void A_20_megabyte_text_is_refused_without_being_parsed()
    {
        var text = new string('a', 20 * 1024 * 1024);

        Assert.That(Validate.Text(text).Ids(), Is.EqualTo("GR3003"));
    }

    [Test]
    public void Deep_block_nesting_is_reported_at_the_level_that_is_too_deep()
    {
        var yaml = new StringBuilder();
        for (var level = 0; level < 80; level++)
        {
            yaml.Append(' ', level).Append('k').Append(level.ToString(CultureInfo.InvariantCulture)).Append(":\n");
        }

        var finding = Validate.Text(yaml.ToString()).Only();

        Assert.That((finding.Rule, finding.Location.Line), Is.EqualTo((SloRules.NestingTooDeep, 65)));
    }

    [Test]
    public void A_few_aliases_are_fine()
    {
        var yaml = Sample.Sloth.With("      page_alert:\n        labels:\n          severity: critical", "      page_alert:\n        labels: &page\n          severity: critical")
            .With("      ticket_alert:\n        labels:\n          severity: warning", "      ticket_alert:\n        labels: *page");

        Assert.That(Validate.Text(yaml, Validate.Full).Findings, Is.Empty);
    }

    [Test]
    public void An_alias_to_an_undefined_anchor_is_a_syntax_error_at_the_alias()
    {
        var finding = Validate.Text("apiVersion: openslo/v1\nkind: *kind\n").Only();

        Assert.That((finding.Rule, finding.At()), Is.EqualTo((SloRules.YamlSyntax, (2, 7))));
    }

    [Test]
    public void A_mapping_used_as_a_key_is_reported()
    {
        var finding = Validate.Text("? {a: 1}\n: value\n").Only();

        Assert.That(finding.Rule, Is.EqualTo(SloRules.WrongValueType));
    }

    [Test]
    public void A_syntax_error_keeps_the_findings_of_the_documents_before_it()
    {
        var yaml = "apiVersion: apps/v1\n---\nkey: [unclosed\n";

        Assert.That(Validate.Text(yaml).Ids(), Is.EqualTo("GR3008 GR3001"));
    }

    [Test]
    public void A_scalar_document_is_not_an_slo_document()
    {
        Assert.That(Validate.Text("just some text\n").Only().Rule, Is.EqualTo(SloRules.UnknownDocument));
    }

    [Test]
    public void Merge_keys_are_applied_as_the_go_decoders_apply_them()
    {
        const string Yaml = """
            version: "prometheus/v1"
            service: "payments"
            slos:
              - name: "requests-availability"
                objective: 99.9
                labels:
                  guardrails_category: availability
                sli:
                  events: &events
                    error_query: sum(rate(errors_total[{{.window}}]))
                    total_query: sum(rate(requests_total[{{.window}}]))
                alerting:
                  name: PaymentsAvailability
                  annotations: &annotations
                    runbook_url: docs/runbooks/payments.md
              - name: "requests-latency"
                objective: 99
                labels:
                  guardrails_category: latency
                sli:
                  events:
                    <<: *events
                    error_query: sum(rate(slow_total[{{.window}}]))
                alerting:
                  name: PaymentsLatency
                  annotations:
                    <<: *annotations

            """;

        var result = Validate.Text(Yaml, Validate.Full);

        Assert.That(result.Findings, Is.Empty);
        Assert.That(result.Slos[1].Sli, Is.EqualTo(new Guardrails.Slo.Prometheus.SliQuery.Events("sum(rate(slow_total[{{.window}}]))", "sum(rate(requests_total[{{.window}}]))")));
        Assert.That(result.Slos[1].RunbookUrl, Is.EqualTo("docs/runbooks/payments.md"));
    }

    [Test]
    public void A_directory_given_as_a_file_is_one_finding()
    {
        using var directory = TemporaryFolder.Create("guardrails-slo-");

        Assert.That(SloValidator.Validate([directory.Root], Validate.SpecOnly).Only().Rule, Is.EqualTo(SloRules.UnreadableFile));
    }

    [Test]
    public void A_sloth_kubernetes_resource_is_named_with_a_way_forward()
    {
        var finding = Validate.Text("apiVersion: sloth.slok.dev/v1\nkind: PrometheusServiceLevel\n").Only();

        Assert.That(finding.Message, Does.Contain("prometheus/v1"));
    }
}
