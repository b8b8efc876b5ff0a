using System.Collections.Generic;
using Guardrails.Diagnostics;

namespace Guardrails.Slo.Runbooks;

/// <summary>Checks one runbook against the team's requirements: its sections, their content, its owner.</summary>
public static class RunbookChecker
{
    public static IReadOnlyList<Finding> Check(RunbookDocument runbook, RunbookOptions options)
    {
        var findings = new List<Finding>();
        foreach (var required in options.RequiredSections)
        {
            if (runbook.FindSection(required) is null)
            {
                findings.Add(new Finding(
                    RunbookRules.RequiredSectionMissing,
                    runbook.TitleLocation,
                    $"the runbook has no '{required}' section; add a '## {required}' heading with what the on-call engineer should do"));
            }
        }

        foreach (var section in runbook.Sections)
        {
            if (!section.HasContent)
            {
                findings.Add(new Finding(
                    RunbookRules.SectionEmpty,
                    section.Location,
                    $"the section '{section.Title}' is empty; write its content or remove the heading"));
            }
        }

        if (options.RequireOwner && runbook.Owner is null)
        {
            findings.Add(new Finding(
                RunbookRules.OwnerMissing,
                runbook.TitleLocation,
                "the runbook names no owner; add front matter 'owner: <team>' or a line 'Owner: <team>'"));
        }

        return findings;
    }
}
