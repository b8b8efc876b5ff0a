using System;
using System.Collections.Generic;
using Guardrails.Slo.Diagnostics;
using Guardrails.Slo.Prometheus;
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
    private readonly List<Finding> findings = [];
    private readonly List<PrometheusSlo> slos = [];
    private readonly List<RunbookReference> runbookReferences = [];

    public SloProject(SloValidationOptions options) => this.options = options;

    public void Add(string displayPath, TextOrFinding read)
    {
        if (read.Finding is not null)
        {
            findings.Add(read.Finding);
            return;
        }

        var text = read.Text!;
        var loaded = YamlStreamLoader.Load(displayPath, text);
        findings.AddRange(loaded.Findings);
        if (loaded.Findings.Count == 0 && loaded.Documents.Count == 0)
        {
            findings.Add(new Finding(
                SloRules.EmptyFile,
                SourceSpan.WholeFile(displayPath),
                "The file contains no YAML documents; an SLO file holds OpenSLO v1 objects or a Sloth prometheus/v1 spec. Add one, or remove the file."));
            return;
        }

        foreach (var document in loaded.Documents)
        {
            AddDocument(document);
        }
    }

    public SloValidationResult Complete() => new(findings, slos, runbookReferences);

    private void AddDocument(YamlNode document)
    {
        if (document is not YamlMapping mapping)
        {
            findings.Add(new Finding(SloRules.UnknownDocument, document.Span, $"A document must be a mapping with apiVersion and kind (OpenSLO) or version (Sloth), not {document.Describe()}."));
            return;
        }

        var apiVersion = (mapping["apiVersion"] as YamlScalar)?.Value;
        var version = (mapping["version"] as YamlScalar)?.Value;
        if (string.Equals(apiVersion, "openslo/v1", StringComparison.Ordinal) || string.Equals(version, "prometheus/v1", StringComparison.Ordinal))
        {
            _ = options;
            return;
        }

        var at = mapping.KeyOf("apiVersion")?.Span ?? mapping.KeyOf("version")?.Span ?? mapping.Span;
        var found = apiVersion is not null ? $"apiVersion '{apiVersion}'" : version is not null ? $"version '{version}'" : "neither apiVersion nor version";
        findings.Add(new Finding(SloRules.UnknownDocument, at, $"The document has {found}; Guardrails reads 'apiVersion: openslo/v1' (OpenSLO) and 'version: prometheus/v1' (Sloth)."));
    }
}
