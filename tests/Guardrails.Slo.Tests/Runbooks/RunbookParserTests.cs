using System.Linq;
using Guardrails.Slo.Runbooks;

namespace Guardrails.Slo.Tests.Runbooks;

public sealed class RunbookParserTests
{
    [Test]
    public void Headings_get_the_anchor_GitHub_gives_them_and_their_position()
    {
        var runbook = Parse("# Checkout: high error rate\n\nText.\n\n## Roll back (v2 → v1)\n\nSteps.\n");

        Assert.That(runbook.Sections.Select(section => (section.Title, section.Level, section.Anchor)), Is.EqualTo(new[]
        {
            ("Checkout: high error rate", 1, "checkout-high-error-rate"),
            ("Roll back (v2 → v1)", 2, "roll-back-v2--v1"),
        }));
        var rollBack = runbook.Sections[1].Location;
        Assert.That((rollBack.Line, rollBack.Column, rollBack.EndLine, rollBack.EndColumn), Is.EqualTo((5, 1, 5, 23)));
    }

    [Test]
    public void Emphasis_and_code_in_a_heading_do_not_change_its_title()
    {
        var runbook = Parse("# Title\n\n## *Rollback* with `kubectl`\n\nText.\n");

        Assert.That(runbook.Sections[1].Title, Is.EqualTo("Rollback with kubectl"));
    }

    [Test]
    public void A_section_followed_only_by_a_heading_of_its_level_or_an_html_comment_is_empty()
    {
        var runbook = Parse("# T\n\n## Impact\n<!-- TODO -->\n## Diagnosis\n### Dashboards\n\nGrafana.\n## Rollback\n");

        var empty = runbook.Sections.Where(section => !section.HasContent).Select(section => section.Title);

        string[] expected = ["Impact", "Rollback"];
        Assert.That(empty, Is.EqualTo(expected));
    }

    [Test]
    public void The_owner_comes_from_the_front_matter()
    {
        var runbook = Parse("---\ntitle: x\nowner: team-payments\n---\n# T\n");

        Assert.That(runbook.Owner, Is.EqualTo("team-payments"));
        Assert.That(runbook.OwnerLocation!.Line, Is.EqualTo(3));
    }

    [Test]
    public void Several_owners_in_the_front_matter_are_all_named()
    {
        Assert.That(Parse("---\nowner: [team-payments, payments-oncall]\n---\n# T\n").Owner, Is.EqualTo("team-payments, payments-oncall"));
    }

    [Test]
    public void An_empty_owner_in_the_front_matter_names_no_owner()
    {
        Assert.That(Parse("---\nowner: ''\n---\n# T\n\nOwner:\n").Owner, Is.Null);
    }

    [Test]
    public void Repeated_headings_get_numbered_anchors_as_on_GitHub()
    {
        var runbook = Parse("# T\n\n## Steps\n\nA\n\n## Steps\n\nB\n");

        Assert.That(runbook.Sections.Select(section => section.Anchor), Is.EqualTo(new[] { "t", "steps", "steps-1" }));
    }

    [Test]
    public void The_owner_comes_from_an_owner_line_when_there_is_no_front_matter()
    {
        var runbook = Parse("# T\n\n**Owner:** @payments-oncall\n");

        Assert.That(runbook.Owner, Is.EqualTo("@payments-oncall"));
    }

    [Test]
    public void An_owner_line_without_a_name_names_no_owner()
    {
        Assert.That(Parse("# T\n\nOwner:\n").Owner, Is.Null);
    }

    [Test]
    public void Invalid_front_matter_is_reported_at_its_line()
    {
        var result = RunbookParser.Parse("r.md", "---\nowner: [unclosed\n---\n# T\n");

        Assert.That(result.Findings.Select(finding => (finding.Rule, finding.Location.Line)), Is.EqualTo(new[] { (RunbookRules.FrontMatterInvalid, 3) }));
    }

    [Test]
    public void A_binary_file_is_reported_and_yields_no_document()
    {
        var result = RunbookParser.Parse("r.md", "PK\u0003\u0004\0\0binary");

        Assert.That(result.Document, Is.Null);
        Assert.That(result.Findings.Single().Rule, Is.EqualTo(RunbookRules.RunbookUnreadable));
    }

    [Test]
    public void Windows_line_endings_give_the_same_lines()
    {
        var runbook = Parse("# T\r\n\r\nText.\r\n\r\n## Impact\r\n\r\nMoney.\r\n");

        Assert.That(runbook.Sections[1].Location.Line, Is.EqualTo(5));
        Assert.That(runbook.Sections[1].Location.EndColumn, Is.EqualTo(10));
    }

    private static RunbookDocument Parse(string markdown)
    {
        var result = RunbookParser.Parse("runbook.md", markdown);
        Assert.That(result.Findings, Is.Empty);
        return result.Document!;
    }
}
