using System;
using System.Collections.Generic;
using System.Linq;
using Guardrails.Diagnostics;
using Guardrails.Slo.OpenSlo;
using Guardrails.Slo.Policy;
using Guardrails.Slo.Prometheus;
using Guardrails.Slo.Reading;
using Guardrails.Slo.Sloth;
using Guardrails.Slo.Text;
using Guardrails.Slo.Yaml;

namespace Guardrails.Slo;

/// <summary>
/// The SLO files of one project, read one by one and then checked together: references between files,
/// the team policy and the mapping to Prometheus need all of them.
/// </summary>
internal sealed class SloProject
{
    private readonly SloValidationOptions options;
    private readonly FindingCollector findings = new();
    private readonly OpenSloReading openSlo;
    private readonly SlothReading sloth;
    private readonly Dictionary<string, int> fileOrder = new(StringComparer.Ordinal);
    private bool syntaxErrors;

    public SloProject(SloValidationOptions options)
    {
        this.options = options;
        openSlo = new OpenSloReading(findings, options.SpecOnly);
        sloth = new SlothReading(findings, options.SpecOnly);
    }

    public void Add(string displayPath, TextOrFinding read)
    {
        if (!fileOrder.ContainsKey(displayPath))
        {
            fileOrder[displayPath] = fileOrder.Count;
        }

        if (read.Finding is not null)
        {
            findings.Add(read.Finding);
            return;
        }

        var loaded = YamlStreamLoader.Load(displayPath, read.Text!);
        findings.AddRange(loaded.Findings);
        syntaxErrors |= loaded.Findings.Any(finding => finding.Rule == SloRules.YamlSyntax);
        if (loaded.Findings.Count == 0 && loaded.Documents.Count == 0)
        {
            findings.Add(
                SloRules.EmptyFile,
                SourceSpan.WholeFile(displayPath),
                "The file contains no YAML documents; an SLO file holds OpenSLO v1 objects or a Sloth prometheus/v1 spec. Add one, or remove the file.");
            return;
        }

        foreach (var document in loaded.Documents)
        {
            AddDocument(document, isListItem: false);
        }
    }

    public SloValidationResult Complete()
    {
        if (!options.SpecOnly)
        {
            OpenSloResolver.ResolveReferences(openSlo.Catalog, findings);
            OpenSloResolver.CheckReferencedThresholds(openSlo.Catalog, findings);
            // A file the parser could not finish may hold the SLOs the policy would report as missing.
            if (!syntaxErrors)
            {
                ServiceCategoryPolicy.Check(
                    openSlo.Catalog.Services,
                    OpenSloResolver.Categorised(openSlo.Catalog).Concat(SlothResolver.Categorised(sloth)).ToList(),
                    options.RequiredCategories,
                    findings);
            }
        }

        var slos = OpenSloResolver.Map(openSlo.Catalog, findings, reportUnmapped: !options.SpecOnly);
        slos.AddRange(SlothResolver.Map(sloth, findings, reportUnmapped: !options.SpecOnly));

        // What the rule generator cannot handle is a finding here, in every mode, so every path that reads SLO
        // files (validate, rules, the build, the gate) refuses it the same way; such SLOs are not passed on.
        var verdict = Prometheus.Rules.RuleGenerationContract.Check(slos);
        findings.AddRange(verdict.Findings);
        // Files in the order given, each read top to bottom: the order an editor or a CI log is read in.
        var ordered = findings.Findings
            .OrderBy(finding => fileOrder.TryGetValue(finding.Location.File, out var order) ? order : int.MaxValue)
            .ThenBy(finding => finding.Location.Line)
            .ThenBy(finding => finding.Location.Column)
            .ToList();
        return new SloValidationResult(
            ordered,
            verdict.Accepted,
            openSlo.RunbookReferences.Concat(sloth.RunbookReferences).ToList());
    }

    private void AddDocument(YamlNode document, bool isListItem)
    {
        switch (document)
        {
            case YamlSequence list when !isListItem:
                // The OpenSLO go-sdk also reads a document that is a list of objects.
                foreach (var item in list.Items)
                {
                    AddDocument(item, isListItem: true);
                }

                return;
            case YamlMapping mapping:
                AddObject(mapping);
                return;
            default:
                findings.Add(
                    SloRules.UnknownDocument,
                    document.Span,
                    $"A document must be a mapping with apiVersion and kind (OpenSLO) or version (Sloth), not {document.Describe()}.");
                return;
        }
    }

    private void AddObject(YamlMapping mapping)
    {
        var apiVersion = mapping["apiVersion"] as YamlScalar;
        var version = mapping["version"] as YamlScalar;
        if (apiVersion?.Value == OpenSloDocumentReader.ApiVersion)
        {
            OpenSloDocumentReader.Read(mapping, openSlo);
            return;
        }

        if (version?.Value == SlothConventions.Version && apiVersion is null)
        {
            SlothSpecReader.Read(mapping, sloth);
            return;
        }

        var at = mapping.KeyOf("apiVersion") is { } apiKey ? apiVersion?.Span ?? apiKey.Span : version?.Span ?? mapping.Span;
        var found = apiVersion is not null ? $"apiVersion '{apiVersion.Value}'" : version is not null ? $"version '{version.Value}'" : "neither apiVersion nor version";
        var hint = apiVersion?.Value switch
        {
            { } openSlo when openSlo.StartsWith("openslo/", StringComparison.Ordinal) =>
                " Only OpenSLO v1 is supported; v1alpha and v2alpha objects convert to v1 with 'oslo convert'.",
            { } sloth when sloth.StartsWith("sloth.slok.dev/", StringComparison.Ordinal) =>
                " Sloth's Kubernetes resource is not read; write its spec as a 'version: prometheus/v1' file.",
            _ => string.Empty,
        };
        findings.Add(
            SloRules.UnknownDocument,
            at,
            $"The document has {found}; Guardrails reads 'apiVersion: openslo/v1' (OpenSLO) and 'version: prometheus/v1' (Sloth).{hint}");
    }
}
