using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Guardrails.Diagnostics;
using Guardrails.Slo.Prometheus;
using Guardrails.Slo.Runbooks;

namespace Guardrails.Slo.Projects;

/// <summary>
/// Runs the SLO checks and the runbook checks of one project together, as the MSBuild task and
/// <c>guardrails validate</c> both do, so the build and the command line never disagree.
/// </summary>
public static class ProjectValidator
{
    public static ProjectValidationResult Validate(ProjectValidationOptions options)
    {
        if (options is null)
        {
            throw new ArgumentNullException(nameof(options));
        }

        var findings = new List<Finding>();
        IReadOnlyList<PrometheusSlo> slos = [];
        IReadOnlyList<RunbookReference> references = [];
        if (options.CheckSlos && options.SloFiles.Count > 0)
        {
            var sloOptions = new SloValidationOptions { SpecOnly = options.SpecOnly, RequiredCategories = options.RequiredCategories };
            var sloResult = SloValidator.Validate(options.SloFiles, sloOptions);
            findings.AddRange(sloResult.Findings);
            slos = sloResult.Slos;
            references = sloResult.RunbookReferences;
        }
        else if (options.CheckSlos && !options.SpecOnly && options.SloSearch is { } search)
        {
            findings.Add(MissingSloFiles.Report(search));
        }

        if (options.CheckRunbooks && !options.SpecOnly)
        {
            var catalog = new RunbookCatalog();
            foreach (var runbookFile in options.RunbookFiles.Where(file => !RunbookIndex.IsIndex(file)))
            {
                var parsed = catalog.Get(runbookFile);
                findings.AddRange(parsed.Findings);
                if (parsed.Document is not null)
                {
                    findings.AddRange(RunbookChecker.Check(parsed.Document, options.Runbooks));
                }
            }

            findings.AddRange(new RunbookLinkChecker(options.RootDirectory, catalog).Check(references));
        }

        // The rules that protect the rule generator stay errors whatever the team configured: what they find
        // cannot become rules, so a weaker severity would only move the failure from here into the generator.
        var shown = options.Severities.Apply(findings.Where(finding => !SloRules.IsProtected(finding.Rule)))
            .Concat(findings.Where(finding => SloRules.IsProtected(finding.Rule)))
            .Select(finding => options.RelativePaths ? RelativeTo(options.RootDirectory, finding) : finding)
            .OrderBy(finding => finding.Location.File, StringComparer.Ordinal)
            .ThenBy(finding => finding.Location.Line)
            .ThenBy(finding => finding.Location.Column)
            .ToList();
        return new ProjectValidationResult(shown, slos);
    }

    private static Finding RelativeTo(string rootDirectory, Finding finding)
    {
        var root = Path.GetFullPath(rootDirectory).TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar) + Path.DirectorySeparatorChar;
        var file = Path.GetFullPath(finding.Location.File);
        var comparison = RunbookCatalog.PathComparer == StringComparer.Ordinal ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase;
        if (string.Equals(file.TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar) + Path.DirectorySeparatorChar, root, comparison))
        {
            // A finding about the folder itself (no SLO files in it).
            return finding with { Location = finding.Location with { File = "." } };
        }

        return file.StartsWith(root, comparison)
            ? finding with { Location = finding.Location with { File = file.Substring(root.Length).Replace(Path.DirectorySeparatorChar, '/') } }
            : finding;
    }
}
