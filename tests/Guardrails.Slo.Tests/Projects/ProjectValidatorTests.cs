using System.Collections.Generic;
using System.IO;
using System.Linq;
using Guardrails.Diagnostics;
using Guardrails.Slo.Projects;
using Guardrails.Slo.Runbooks;
using Guardrails.Testing;

namespace Guardrails.Slo.Tests.Projects;

/// <summary>The SLO and runbook checks together, on a service folder laid out as a team would lay it out.</summary>
public sealed class ProjectValidatorTests
{
    private const string Runbook = """
        ---
        owner: team-checkout
        ---
        # Checkout

        ## Summary
        Checkout fails or slows down.
        ## Impact
        Lost orders.
        ## Diagnosis
        ### Availability
        5xx by pod.
        ### Latency
        p99 by route.
        ### Fast burn
        Treat as an outage.
        ## Mitigation
        Scale out.
        ## Rollback
        Roll back.
        ## Escalation
        Page the lead.
        """;

    private TemporaryFolder service = null!;

    [SetUp]
    public void CreateService() => service = TemporaryFolder.Create("guardrails-project-");

    [TearDown]
    public void DeleteService() => service.Dispose();

    [Test]
    public void A_service_whose_slos_link_to_its_complete_runbook_has_no_findings_and_yields_its_slos()
    {
        var result = Validate(Sample.OpenSlo, Runbook);

        string[] expected = ["checkout-availability", "checkout-latency"];
        Assert.That(result.Findings, Is.Empty);
        Assert.That(result.Slos.Select(slo => slo.Name), Is.EquivalentTo(expected));
    }

    [Test]
    public void A_link_to_a_runbook_that_does_not_exist_is_reported_at_the_annotation()
    {
        var slo = Sample.OpenSlo.With("docs/runbooks/checkout.md#latency", "docs/runbooks/checkout-latency.md");

        var finding = Validate(slo, Runbook).Findings.Single();

        Assert.That(finding.Rule, Is.EqualTo(RunbookRules.RunbookNotFound));
        Assert.That((finding.Location.File, finding.Location.Line), Is.EqualTo(("slo/checkout.yaml", 53)));
        Assert.That(finding.Message, Does.StartWith("SLO checkout-latency names the runbook 'docs/runbooks/checkout-latency.md', which does not exist"));
    }

    [Test]
    public void An_alert_link_to_a_heading_the_runbook_lacks_is_reported()
    {
        var runbook = Runbook.Replace("### Fast burn", "### Burning fast", System.StringComparison.Ordinal);

        var finding = Validate(Sample.OpenSlo, runbook).Findings.Single();

        Assert.That(finding.Rule, Is.EqualTo(RunbookRules.RunbookAnchorNotFound));
        Assert.That(finding.Message, Does.StartWith("alert checkout-fast-burn links to '#fast-burn'"));
    }

    [Test]
    public void Findings_of_slo_files_and_runbooks_come_in_file_and_line_order()
    {
        var runbook = Runbook.Replace("Roll back.\n", string.Empty, System.StringComparison.Ordinal);
        var slo = Sample.OpenSlo.With("docs/runbooks/checkout.md#latency", "docs/runbooks/nowhere.md");

        var findings = Validate(slo, runbook).Findings;

        (string, string)[] expected = [("docs/runbooks/checkout.md", "GR4004"), ("slo/checkout.yaml", "GR4001")];
        Assert.That(findings.Select(finding => (finding.Location.File, finding.Rule.Id)), Is.EqualTo(expected));
    }

    [Test]
    public void Spec_only_leaves_runbooks_and_their_links_alone()
    {
        var slo = Sample.OpenSlo.With("docs/runbooks/checkout.md#latency", "docs/runbooks/nowhere.md");

        var result = Validate(slo, "# nothing\n", options => options with { SpecOnly = true });

        Assert.That(result.Findings, Is.Empty);
    }

    [Test]
    public void Severity_overrides_apply_to_slo_and_runbook_findings_alike()
    {
        var slo = Sample.OpenSlo.With("docs/runbooks/checkout.md#latency", "docs/runbooks/nowhere.md");
        var overrides = new SeverityOverrides([new KeyValuePair<string, Severity?>("GR4001", Severity.Warning)]);

        var result = Validate(slo, Runbook, options => options with { Severities = overrides });

        Assert.That(result.Findings.Single().Severity, Is.EqualTo(Severity.Warning));
        Assert.That(result.HasErrors, Is.False);
    }

    [Test]
    public void Turning_the_runbook_check_off_also_stops_checking_links()
    {
        var slo = Sample.OpenSlo.With("docs/runbooks/checkout.md#latency", "docs/runbooks/nowhere.md");

        var result = Validate(slo, "# nothing\n", options => options with { CheckRunbooks = false });

        Assert.That(result.Findings, Is.Empty);
    }

    private ProjectValidationResult Validate(string slo, string runbook, System.Func<ProjectValidationOptions, ProjectValidationOptions>? configure = null)
    {
        var sloPath = service.Write(Path.Combine("slo", "checkout.yaml"), slo);
        var runbookPath = service.Write(Path.Combine("docs", "runbooks", "checkout.md"), runbook);
        var options = new ProjectValidationOptions
        {
            RootDirectory = service.Root,
            SloFiles = [sloPath],
            RunbookFiles = [runbookPath],
            RelativePaths = true,
        };
        return ProjectValidator.Validate(configure is null ? options : configure(options));
    }
}
