using System.Collections.Generic;
using Guardrails.Slo.Reading;

namespace Guardrails.Slo.OpenSlo;

/// <summary>What the OpenSLO readers share while reading the project's files.</summary>
internal sealed class OpenSloReading
{
    public const string CategoryAnnotation = "guardrails.dev/category";

    /// <summary>Annotation keys that name a runbook, the first being Guardrails' own.</summary>
    public static readonly string[] RunbookAnnotations = ["guardrails.dev/runbook", "runbook_url", "runbook"];

    public OpenSloReading(FindingCollector findings, bool specOnly)
    {
        Findings = findings;
        SpecOnly = specOnly;
    }

    public FindingCollector Findings { get; }

    /// <summary>Only what the go-sdk checks: no policy findings while reading.</summary>
    public bool SpecOnly { get; }

    public OpenSloCatalog Catalog { get; } = new();

    public List<RunbookReference> RunbookReferences { get; } = [];

    /// <summary>Records the runbooks an object names and, under the team policy, reports an object that names none.</summary>
    /// <returns>The first runbook named, if any.</returns>
    public string? CollectRunbooks(ObjectMetadata metadata, string subject, Diagnostics.SourceSpan location)
    {
        string? first = null;
        foreach (var annotation in metadata.Annotations)
        {
            if (System.Array.IndexOf(RunbookAnnotations, annotation.Key.Value) >= 0 && annotation.Value.Value.Trim().Length > 0)
            {
                RunbookReferences.Add(new RunbookReference(annotation.Value.Value.Trim(), annotation.Value.Span, subject));
                first ??= annotation.Value.Value.Trim();
            }
        }

        if (first is null && !SpecOnly)
        {
            Findings.Add(
                SloRules.MissingRunbook,
                location,
                $"{subject} names no runbook. Add the annotation '{RunbookAnnotations[0]}: docs/runbooks/<name>.md' to its metadata.");
        }

        return first;
    }
}
