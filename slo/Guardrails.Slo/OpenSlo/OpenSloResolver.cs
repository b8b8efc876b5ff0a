using System;
using System.Collections.Generic;
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
