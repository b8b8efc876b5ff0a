using System.IO;
using System.Linq;
using Guardrails.EndToEnd.Tests.Infrastructure;

namespace Guardrails.EndToEnd.Tests;

/// <summary>What a team sees after adding the Guardrails.Build package: its SLOs and runbooks checked by `dotnet build`.</summary>
public sealed class BuildPackageTests
{
    [Test]
    public void A_valid_service_builds_writes_its_rules_and_skips_the_check_when_nothing_changed()
    {
        using var consumer = ConsumerWorkspace.FromSample("ValidService");

        var first = consumer.Build("-p:GuardrailsRulesOutputPath=deploy/prometheus");
        var second = consumer.Build("-p:GuardrailsRulesOutputPath=deploy/prometheus");

        Assert.That(first.Succeeded, Is.True, first.Output);
        Assert.That(first.WithCodePrefix("GR"), Is.Empty, first.Output);
        Assert.That(first.Output, Does.Not.Contain("Skipping target \"GuardrailsValidate\""));
        var rules = consumer.ReadFile("obj/guardrails/rules/checkout.rules.yml");
        Assert.That(rules, Does.Contain("sloth_slo: checkout-latency").And.Contain("record: slo:sli_error:ratio_rate30d"));
        Assert.That(consumer.ReadFile("deploy/prometheus/checkout.rules.yml"), Is.EqualTo(rules));
        Assert.That(second.Succeeded, Is.True, second.Output);
        Assert.That(second.Output, Does.Contain("Skipping target \"GuardrailsValidate\" because all output files are up-to-date"));

        consumer.WriteFile("docs/runbooks/payments.md", "# Payments\n");
        var third = consumer.Build("-p:GuardrailsRulesOutputPath=deploy/prometheus");

        Assert.That(third.Succeeded, Is.False, "a new runbook must be checked, not skipped as up-to-date");
        Assert.That(third.WithCodePrefix("GR4").Select(diagnostic => diagnostic.File).Distinct().Single(), Is.EqualTo("docs/runbooks/payments.md"), third.Output);
    }

    [Test]
    public void Project_properties_choose_the_checks_and_the_required_sections()
    {
        using var consumer = ConsumerWorkspace.FromSample("BrokenService");

        var result = consumer.Build(
            "-p:GuardrailsCheckSlos=false",
            "-p:GuardrailsRequireRunbookOwner=false",
            "-p:GuardrailsRequiredRunbookSections=Summary%3BImpact%3BEscalation");

        Assert.That(result.Succeeded, Is.False, result.Output);
        Assert.That(result.WithCodePrefix("GR").Select(diagnostic => diagnostic.ToString()), Is.EqualTo(
            (string[])["docs/runbooks/checkout.md(29,1,29,14): error GR4004: the section 'Escalation' is empty; write its content or remove the heading"]),
            result.Output);
    }

    [Test]
    public void A_service_with_broken_slo_files_and_runbook_fails_with_each_finding_at_its_place()
    {
        using var consumer = ConsumerWorkspace.FromSample("BrokenService");

        var result = consumer.Build();

        Assert.That(result.Succeeded, Is.False, result.Output);
        var found = result.WithCodePrefix("GR")
            .Select(diagnostic => (diagnostic with { Message = diagnostic.Message.Replace(consumer.Root, "<root>", System.StringComparison.Ordinal) }).ToString())
            .Order(System.StringComparer.Ordinal);
        string[] expected =
        [
            "docs/runbooks/checkout.md(1,1,1,11): error GR4003: the runbook has no 'Rollback' section; add a '## Rollback' heading with what the on-call engineer should do",
            "docs/runbooks/checkout.md(1,1,1,11): error GR4005: the runbook names no owner; add front matter 'owner: <team>' or a line 'Owner: <team>'",
            "docs/runbooks/checkout.md(29,1,29,14): error GR4004: the section 'Escalation' is empty; write its content or remove the heading",
            "slo/checkout.yaml(53,29,53,68): error GR4002: SLO checkout-latency links to '#slow-requests' in 'docs/runbooks/checkout.md', which has no such heading (it has #checkout, #summary, #impact, #diagnosis, #availability, #latency, #fast-burn, #mitigation, #escalation)",
            "slo/checkout.yaml(84,18,84,50): error GR4001: alert checkout-fast-burn names the runbook 'docs/runbooks/checkout-alerts.md', which does not exist (looked for 'docs/runbooks/checkout-alerts.md', 'slo/docs/runbooks/checkout-alerts.md' in '<root>')",
        ];
        Assert.That(found.Where(line => !line.StartsWith("slo/search.yaml", System.StringComparison.Ordinal)), Is.EqualTo(expected), result.Output);
        var syntax = result.WithCodePrefix("GR3").Single(diagnostic => diagnostic.File == "slo/search.yaml");
        Assert.That((syntax.Severity, syntax.Line, syntax.Column), Is.EqualTo(("error", 5, 1)), result.Output);
        Assert.That(Path.Combine(consumer.Root, "obj", "guardrails", "validate.stamp"), Does.Not.Exist, "a failed check must run again on the next build");
    }

    [Test]
    public void A_service_whose_slo_folder_setting_finds_nothing_fails_and_is_shown_the_folder_that_has_them()
    {
        using var consumer = ConsumerWorkspace.FromSample("ValidService");

        var result = consumer.Build("-p:GuardrailsSloDirectory=deploy/slo/");

        Assert.That(result.Succeeded, Is.False, result.Output);
        var error = result.WithCodePrefix("GR").Single();
        Assert.Multiple(() =>
        {
            Assert.That((error.Code, error.Severity, error.File), Is.EqualTo(("GR3037", "error", "ValidService.csproj")), result.Output);
            Assert.That(error.Message, Does.Contain("looked for deploy/slo/**/*.yaml and deploy/slo/**/*.yml under the project folder"));
            Assert.That(error.Message, Does.Contain("SLO files are in 'slo': set <GuardrailsSloDirectory>slo/</GuardrailsSloDirectory>"));
        });
    }

    [Test]
    public void A_multi_targeted_service_reports_each_finding_once_and_honours_the_teams_severity()
    {
        using var consumer = ConsumerWorkspace.FromSample("MultiTargetService");

        var result = consumer.Build();

        Assert.That(result.Succeeded, Is.True, result.Output);
        var warning = result.WithCodePrefix("GR").Single();
        Assert.That(warning.ToString(), Is.EqualTo(
            "docs/runbooks/checkout.md(1,1,1,11): warning GR4005: the runbook names no owner; add front matter 'owner: <team>' or a line 'Owner: <team>'"));
        // MSBuild tags a diagnostic of a per-framework build with "::TargetFramework=..."; the outer build's have none.
        var printed = result.Output.Split('\n').Where(line => line.Contains("warning GR4005", System.StringComparison.Ordinal)).ToList();
        Assert.That(printed, Is.Not.Empty.And.None.Contains("TargetFramework="), result.Output);
        Assert.That(result.Output, Does.Contain("MultiTargetService.dll").And.Contain("netstandard2.0"));
    }
}
