using System.Linq;
using Guardrails.Slo.Runbooks;
using Guardrails.Testing;

namespace Guardrails.Slo.Tests.Runbooks;

public sealed class RunbookCheckerTests
{
    [Test]
    public void A_complete_owned_runbook_has_no_findings()
    {
        Assert.That(Check(SampleRunbooks.Complete, new RunbookOptions()), Is.Empty);
    }

    [Test]
    public void Each_missing_required_section_is_reported_at_the_title()
    {
        var markdown = SampleRunbooks.Complete.Replace("## Rollback\nRoll back the release.\n", string.Empty, System.StringComparison.Ordinal)
            .Replace("## Escalation\nPage the payments lead.", string.Empty, System.StringComparison.Ordinal);

        var findings = Check(markdown, new RunbookOptions());

        string[] expected =
        [
            "runbook.md(4,1,4,18): error GR4003: the runbook has no 'Rollback' section; add a '## Rollback' heading with what the on-call engineer should do",
            "runbook.md(4,1,4,18): error GR4003: the runbook has no 'Escalation' section; add a '## Escalation' heading with what the on-call engineer should do",
        ];
        Assert.That(findings.Select(finding => finding.ToString()), Is.EqualTo(expected));
    }

    [Test]
    public void Section_names_match_without_case()
    {
        var findings = Check("---\nowner: a\n---\n# T\n## summary\nx\n", new RunbookOptions { RequiredSections = ["Summary"] });

        Assert.That(findings, Is.Empty);
    }

    [Test]
    public void The_team_chooses_its_required_sections()
    {
        var findings = Check(SampleRunbooks.Complete, new RunbookOptions { RequiredSections = ["Summary", "Verification"] });

        Assert.That(findings.Select(finding => finding.Message).Single(), Is.EqualTo(
            "the runbook has no 'Verification' section; add a '## Verification' heading with what the on-call engineer should do"));
    }

    [Test]
    public void An_empty_section_is_reported_at_its_heading()
    {
        var markdown = SampleRunbooks.Complete.Replace("Scale out.\n", string.Empty, System.StringComparison.Ordinal);

        var finding = Check(markdown, new RunbookOptions()).Single();

        Assert.That(finding.ToString(), Is.EqualTo("runbook.md(12,1,12,14): error GR4004: the section 'Mitigation' is empty; write its content or remove the heading"));
    }

    [Test]
    public void A_runbook_without_an_owner_is_reported_unless_the_team_does_not_require_one()
    {
        var markdown = SampleRunbooks.Complete.Replace("owner: team-checkout", "title: checkout", System.StringComparison.Ordinal);

        Assert.That(Check(markdown, new RunbookOptions()).Single().Rule, Is.EqualTo(RunbookRules.OwnerMissing));
        Assert.That(Check(markdown, new RunbookOptions { RequireOwner = false }), Is.Empty);
    }

    private static System.Collections.Generic.IReadOnlyList<Guardrails.Diagnostics.Finding> Check(string markdown, RunbookOptions options) =>
        RunbookChecker.Check(RunbookParser.Parse("runbook.md", markdown).Document!, options);
}
