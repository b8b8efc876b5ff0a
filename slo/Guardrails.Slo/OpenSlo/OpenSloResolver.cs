using System;
using System.Collections.Generic;
using System.Linq;
using Guardrails.Slo.Policy;
using Guardrails.Slo.Prometheus;
using Guardrails.Slo.Reading;

namespace Guardrails.Slo.OpenSlo;

/// <summary>
/// Once every file is read: reports references to objects no file declares (at the reference), and maps
/// each sound SLO to a <see cref="PrometheusSlo"/>.
/// </summary>
internal static class OpenSloResolver
{
    public static void ResolveReferences(OpenSloCatalog catalog, FindingCollector findings)
    {
        foreach (var reference in catalog.References)
        {
            if (!catalog.IsDeclared(reference.Kind, reference.Name.Value))
            {
                var suggestion = NameSuggestion.Closest(reference.Name.Value, catalog.NamesOf(reference.Kind));
                findings.Add(
                    SloRules.UnresolvedReference,
                    reference.Name.Span,
                    suggestion is not null
                        ? $"{reference.Field} names {reference.Kind} '{reference.Name.Value}', which none of the SLO files declares. Did you mean '{suggestion}'?"
                        : $"{reference.Field} names {reference.Kind} '{reference.Name.Value}', which none of the SLO files declares. Declare it (kind: {reference.Kind}, metadata.name: {reference.Name.Value}) or correct the name.");
            }
        }
    }

    /// <summary>
    /// The go-sdk cannot require op and value on the objectives of an SLO whose threshold SLI is only
    /// referenced; with every file read, Guardrails can.
    /// </summary>
    public static void CheckReferencedThresholds(OpenSloCatalog catalog, FindingCollector findings)
    {
        foreach (var slo in catalog.Slos)
        {
            if (slo.Indicator?.Reference is not { } reference || catalog.FindSli(reference.Name.Value)?.ThresholdMetric is null)
            {
                continue;
            }

            foreach (var objective in slo.Objectives.Where(objective => !objective.HasThreshold))
            {
                findings.Add(
                    SloRules.MissingField,
                    objective.Span,
                    $"SLO {slo.Name.Value}: this objective needs op and value, because its SLI '{reference.Name.Value}' is a threshold metric (e.g. op: lte, value: 0.3).");
            }
        }
    }

    public static IEnumerable<CategorisedSlo> Categorised(OpenSloCatalog catalog)
    {
        foreach (var slo in catalog.Slos)
        {
            yield return new CategorisedSlo(slo.Service.Value, slo.Category, slo.Service.Span);
        }
    }

    public static List<PrometheusSlo> Map(OpenSloCatalog catalog, FindingCollector findings, bool reportUnmapped)
    {
        var result = new List<PrometheusSlo>();
        foreach (var slo in catalog.Slos)
        {
            if (!slo.IsSound)
            {
                continue;
            }

            var mapped = OpenSloPrometheusMapper.Map(slo, catalog, out var reason);
            if (mapped is not null)
            {
                result.Add(mapped);
            }
            else if (reportUnmapped && reason is not null)
            {
                findings.Add(SloRules.NotMappedToPrometheus, slo.Span, $"SLO {slo.Name.Value} gets no Prometheus rules: {reason}");
            }
        }

        return result;
    }
}
