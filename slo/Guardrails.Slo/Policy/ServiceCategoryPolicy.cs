using System;
using System.Collections.Generic;
using System.Linq;
using Guardrails.Diagnostics;
using Guardrails.Slo.Prometheus;
using Guardrails.Slo.Reading;

namespace Guardrails.Slo.Policy;

/// <summary>
/// The team policy: every service, declared as an OpenSLO Service or named by an SLO, has at least one SLO
/// of each required category (by default availability and latency).
/// </summary>
internal static class ServiceCategoryPolicy
{
    public static void Check(
        IReadOnlyList<TextValue> declaredServices,
        IReadOnlyList<CategorisedSlo> slos,
        IReadOnlyList<SloCategory> requiredCategories,
        FindingCollector findings)
    {
        if (requiredCategories.Count == 0)
        {
            return;
        }

        // A service is reported where it is declared, or else where its first SLO names it.
        var services = new Dictionary<string, SourceSpan>(StringComparer.Ordinal);
        foreach (var service in declaredServices)
        {
            if (!services.ContainsKey(service.Value))
            {
                services[service.Value] = service.Span;
            }
        }

        foreach (var slo in slos)
        {
            if (!services.ContainsKey(slo.Service))
            {
                services[slo.Service] = slo.ServiceSpan;
            }
        }

        foreach (var service in services)
        {
            var present = slos.Where(slo => slo.Service == service.Key).Select(slo => slo.Category).ToList();
            var missing = requiredCategories.Distinct().Where(category => !present.Contains(category)).ToList();
            if (missing.Count == 0)
            {
                continue;
            }

            var names = string.Join(" and ", missing.Select(category => Lower(category.ToString())));
            findings.Add(
                SloRules.MissingRequiredCategory,
                service.Value,
                $"Service '{service.Key}' has no {names} SLO{(missing.Count > 1 ? "s" : string.Empty)}; the team policy asks every service for {string.Join(" and ", requiredCategories.Distinct().Select(category => Lower(category.ToString())))} SLOs. Add one, categorised with the annotation 'guardrails.dev/category' (OpenSLO) or the label 'guardrails_category' (Sloth).");
        }
    }

    private static string Lower(string text)
    {
        var characters = text.ToCharArray();
        for (var index = 0; index < characters.Length; index++)
        {
            characters[index] = char.ToLowerInvariant(characters[index]);
        }

        return new string(characters);
    }
}
