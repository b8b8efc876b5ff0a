using System;
using System.Collections.Generic;
using Guardrails.Diagnostics;
using Guardrails.Slo.Prometheus;
using Guardrails.Slo.Reading;
using Guardrails.Slo.Yaml;

namespace Guardrails.Slo.OpenSlo;

/// <summary>Reads one OpenSLO v1 object (a YAML document, or one item of a document that is a list of objects).</summary>
internal static class OpenSloDocumentReader
{
    public const string ApiVersion = "openslo/v1";

    private static readonly string[] ObjectFields = ["apiVersion", "kind", "metadata", "spec"];
    private static readonly string[] ServiceSpecFields = ["description"];
    private static readonly string[] DataSourceSpecFields = ["description", "type", "connectionDetails"];

    public static void Read(YamlMapping document, OpenSloReading reading)
    {
        var errorsBefore = reading.Findings.ErrorCount;
        var root = new FieldReader(reading.Findings, document, string.Empty, document.Span, ObjectFields);
        var kindText = root.Text("kind", required: true);
        if (kindText is null)
        {
            return;
        }

        // By exact name: Enum.TryParse would also take "1" or "Service, SLO".
        if (Array.IndexOf(Enum.GetNames(typeof(OpenSloKind)), kindText.Value) < 0)
        {
            var suggestion = NameSuggestion.Closest(kindText.Value, Enum.GetNames(typeof(OpenSloKind)));
            reading.Findings.Add(
                SloRules.InvalidValue,
                kindText.Span,
                $"kind '{kindText.Value}' is not an OpenSLO v1 kind; use one of {string.Join(", ", Enum.GetNames(typeof(OpenSloKind)))}{(suggestion is null ? "." : $". Did you mean '{suggestion}'?")}");
            return;
        }

        var kind = (OpenSloKind)Enum.Parse(typeof(OpenSloKind), kindText.Value);
        var metadata = OpenSloFields.Metadata(root);
        switch (kind)
        {
            case OpenSloKind.Service:
                if (root.Nested("spec", ServiceSpecFields) is { } serviceSpec)
                {
                    OpenSloFields.Description(serviceSpec);
                }

                break;
            case OpenSloKind.DataSource:
                var dataSourceSpec = root.Nested("spec", DataSourceSpecFields, required: true);
                if (dataSourceSpec is not null)
                {
                    OpenSloFields.Description(dataSourceSpec);
                    var type = dataSourceSpec.Text("type", required: true);
                    // Any JSON value, null included, is a non-empty json.RawMessage to the go-sdk: only absence is missing.
                    if (dataSourceSpec.Mapping.KeyOf("connectionDetails") is null)
                    {
                        dataSourceSpec.ReportMissing("connectionDetails");
                    }

                    if (metadata.Name is not null)
                    {
                        reading.Catalog.AddDataSource(metadata.Name.Value, type?.Value);
                    }
                }

                break;
            case OpenSloKind.SLI:
                var sli = SliSpecReader.Read(root, reading);
                if (sli is not null && metadata.Name is not null && reading.Findings.ErrorCount == errorsBefore)
                {
                    reading.Catalog.AddSli(metadata.Name.Value, sli);
                }

                break;
            case OpenSloKind.SLO:
                ReadSlo(root, metadata, reading, errorsBefore);
                break;
            case OpenSloKind.AlertPolicy:
                var policyRunbook = metadata.WrittenName is null ? null : reading.CollectRunbooks(metadata, "alert " + metadata.WrittenName.Value, metadata.WrittenName.Span);
                var policyCondition = AlertPolicyReader.ReadPolicySpec(root, reading);
                if (metadata.Name is not null)
                {
                    reading.Catalog.AddAlertPolicy(new AlertPolicySummary(metadata.Name.Value, policyRunbook, policyCondition?.Severity, policyCondition?.ConditionRef));
                }

                break;
            case OpenSloKind.AlertCondition:
                var severity = AlertPolicyReader.ReadConditionSpec(root, reading);
                if (metadata.Name is not null)
                {
                    reading.Catalog.AddConditionSeverity(metadata.Name.Value, severity);
                }

                break;
            case OpenSloKind.AlertNotificationTarget:
                AlertPolicyReader.ReadTargetSpec(root, reading);
                break;
        }

        if (metadata.Name is not null && reading.Catalog.Declare(kind, metadata.Name) is { } earlier && !reading.SpecOnly)
        {
            reading.Findings.Add(
                SloRules.DuplicateName,
                metadata.Name.Span,
                $"{kind} '{metadata.Name.Value}' is already declared at {earlier.Span.File}({earlier.Span.Line},{earlier.Span.Column}); names are unique per kind across the project's SLO files.");
        }
    }

    private static void ReadSlo(FieldReader root, ObjectMetadata metadata, OpenSloReading reading, int errorsBefore)
    {
        var location = metadata.WrittenName?.Span ?? root.SpanOf("metadata");
        var subject = "SLO " + (metadata.WrittenName?.Value ?? "(unnamed)");
        var runbook = reading.CollectRunbooks(metadata, subject, location);
        var category = Category(metadata, reading, location, subject);
        var spec = SloSpecReader.Read(root, reading);
        if (spec is null || metadata.Name is null || spec.Service is null)
        {
            return;
        }

        reading.Catalog.Slos.Add(new SloDefinition
        {
            Name = metadata.Name,
            Service = spec.Service,
            Description = spec.Description,
            Indicator = spec.Indicator,
            AlertPolicies = spec.AlertPolicies,
            Objectives = spec.Objectives,
            TimeWindow = spec.TimeWindow,
            TimeWindowSpan = spec.TimeWindowSpan,
            Category = category,
            RunbookUrl = runbook,
            Labels = PrometheusLabels(metadata.Labels),
            Span = location,
            IsSound = reading.Findings.ErrorCount == errorsBefore,
        });
    }

    private static SloCategory Category(ObjectMetadata metadata, OpenSloReading reading, SourceSpan location, string subject)
    {
        foreach (var annotation in metadata.Annotations)
        {
            if (annotation.Key.Value == OpenSloReading.CategoryAnnotation)
            {
                return SloCategoryName.Parse(annotation.Value, reading.Findings, reading.SpecOnly);
            }
        }

        if (!reading.SpecOnly)
        {
            reading.Findings.Add(
                SloRules.MissingCategory,
                location,
                $"{subject} does not say what it measures. Add the annotation '{OpenSloReading.CategoryAnnotation}: availability' (or latency, or other) to its metadata.");
        }

        return SloCategory.Unspecified;
    }

    /// <summary>Labels that are valid Prometheus label names travel to the generated rules.</summary>
    private static Dictionary<string, string> PrometheusLabels(IReadOnlyDictionary<string, string> labels)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var label in labels)
        {
            if (PrometheusNames.IsLabelName(label.Key))
            {
                result[label.Key] = label.Value;
            }
        }

        return result;
    }
}
