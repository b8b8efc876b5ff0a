using System;
using System.Collections.Generic;
using System.Linq;
using Guardrails.Diagnostics;
using Guardrails.Slo.Prometheus;
using Guardrails.Slo.Reading;
using Guardrails.Slo.Yaml;

namespace Guardrails.Slo.Sloth;

/// <summary>
/// Reads a Sloth <c>prometheus/v1</c> service spec and checks it as <c>sloth validate</c> does (names, objective,
/// SLI queries with <c>{{.window}}</c>, alert names), adding one <see cref="SlothSloDefinition"/> per SLO to the
/// reading. <see cref="SlothResolver"/> maps the sound ones to Prometheus; the service policy reads their categories.
/// </summary>
internal static class SlothSpecReader
{
    private static readonly string[] SpecFields = ["version", "service", "labels", "slos", "slo_plugins"];
    private static readonly string[] SloFields = ["name", "objective", "description", "labels", "sli", "alerting", "plugins"];

    public static void Read(YamlMapping document, SlothReading reading)
    {
        var spec = new FieldReader(reading.Findings, document, string.Empty, document.Span, SpecFields, reportUnknownFields: !reading.SpecOnly);
        var service = SlothFields.Name(spec.Text("service", required: true), "service", reading);
        var serviceLabels = SlothFields.Labels(spec, "labels", reading);
        var slos = spec.List("slos");
        if (slos is null || slos.Items.Count == 0)
        {
            reading.Findings.Add(SloRules.MissingField, slos?.Span ?? spec.SpanOf("version"), "slos must list at least one SLO.");
            return;
        }

        var namesInSpec = new Dictionary<string, SourceSpan>(StringComparer.Ordinal);
        for (var index = 0; index < slos.Items.Count; index++)
        {
            var path = spec.ItemPath("slos", index);
            if (slos.Items[index] is not YamlMapping mapping)
            {
                reading.Findings.Add(SloRules.WrongValueType, slos.Items[index].Span, $"{path} must be a mapping, not {slos.Items[index].Describe()}.");
                continue;
            }

            var errorsBefore = reading.Findings.ErrorCount;
            var slo = ReadSlo(new FieldReader(reading.Findings, mapping, path, mapping.Span, SloFields, reportUnknownFields: !reading.SpecOnly), service, serviceLabels, namesInSpec, reading);
            reading.Slos.Add(slo with { IsSound = reading.Findings.ErrorCount == errorsBefore });
        }
    }

    private static SlothSloDefinition ReadSlo(
        FieldReader slo,
        TextValue? service,
        IReadOnlyDictionary<string, string> serviceLabels,
        Dictionary<string, SourceSpan> namesInSpec,
        SlothReading reading)
    {
        var name = SlothFields.Name(slo.Text("name", required: true), "name", reading, slo);
        if (name is not null)
        {
            if (namesInSpec.TryGetValue(name.Value, out var earlier))
            {
                reading.Findings.Add(
                    SloRules.DuplicateName,
                    name.Span,
                    FormattableString.Invariant($"SLO '{name.Value}' is already declared at line {earlier.Line} of this spec; SLO names are unique within a service."));
            }
            else
            {
                namesInSpec[name.Value] = name.Span;
            }
        }

        var objective = Objective(slo, reading);
        var description = slo.Text("description")?.Value;
        var labels = SlothFields.Labels(slo, "labels", reading);
        var category = Category(slo, name, reading);
        var sli = SlothSliReader.Read(slo, reading, out var plugin);
        var alerting = SlothAlertingReader.Read(slo, service, name, reading);

        var merged = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var label in serviceLabels.Concat(labels))
        {
            merged[label.Key] = label.Value;
        }

        return new SlothSloDefinition
        {
            Service = service,
            Name = name,
            Objective = objective,
            Description = description,
            Labels = merged,
            Category = category,
            Sli = sli,
            Plugin = plugin,
            Alerting = alerting,
        };
    }

    /// <summary>The objective, a percentage in (0, 100]; <see langword="null"/> when missing or out of range.</summary>
    private static NumberValue? Objective(FieldReader slo, SlothReading reading)
    {
        var objective = slo.Number("objective");
        if (objective is null && !slo.Has("objective"))
        {
            slo.ReportMissing("objective", " (a percentage in (0, 100], e.g. 99.9)");
        }
        else if (objective is not null && objective.Value is <= 0 or > 100)
        {
            reading.Findings.Add(
                SloRules.InvalidObjective,
                objective.Span,
                FormattableString.Invariant($"{slo.PathOf("objective")} {objective.Value} must be greater than 0 and at most 100 (a percentage, e.g. 99.9)."));
            return null;
        }
        else if (objective is not null && objective.Value < 1)
        {
            reading.Findings.Add(
                SloRules.ObjectiveLooksLikeRatio,
                objective.Span,
                FormattableString.Invariant($"{slo.PathOf("objective")} {objective.Value} is a percentage: {objective.Value} %, which a service meets even when almost every request fails. Sloth objectives are percentages; did you mean {objective.Value * 100}?"));
        }

        return objective;
    }

    private static SloCategory Category(FieldReader slo, TextValue? name, SlothReading reading)
    {
        var labels = slo.Map("labels");
        var categoryKey = labels?.KeyOf(SlothConventions.CategoryLabel);
        if (categoryKey is not null && labels![SlothConventions.CategoryLabel] is YamlScalar value)
        {
            return SloCategoryName.Parse(new TextValue(value.Value, value.Span), reading.Findings, reading.SpecOnly);
        }

        if (!reading.SpecOnly)
        {
            reading.Findings.Add(
                SloRules.MissingCategory,
                name?.Span ?? slo.Owner,
                $"SLO {name?.Value ?? slo.Path} does not say what it measures. Add the label '{SlothConventions.CategoryLabel}: availability' (or latency, or other) to its labels.");
        }

        return SloCategory.Unspecified;
    }
}
