using System;
using System.Collections.Generic;
using System.Linq;

namespace Guardrails.Slo.Prometheus.Rules;

/// <summary>
/// Turns SLOs into the Prometheus rule groups Sloth generates for the same SLOs: SLI recording rules,
/// metadata recording rules and the multiwindow, multi-burn-rate page and ticket alerts, so Sloth's Grafana
/// dashboards and any alert routing built on Sloth's labels work unchanged.
/// </summary>
public sealed class PrometheusRuleGenerator
{
    private readonly RuleGeneratorInfo generator;

    public PrometheusRuleGenerator(RuleGeneratorInfo generator)
    {
        this.generator = generator ?? throw new ArgumentNullException(nameof(generator));
    }

    /// <summary>The groups of all the SLOs, in the order given; SLOs must have distinct ids.</summary>
    public IReadOnlyList<PrometheusRuleGroup> Generate(IEnumerable<PrometheusSlo> slos)
    {
        if (slos is null)
        {
            throw new ArgumentNullException(nameof(slos));
        }

        var all = slos.ToList();
        var duplicate = all.GroupBy(slo => slo.Id, StringComparer.Ordinal).FirstOrDefault(group => group.Count() > 1);
        if (duplicate is not null)
        {
            // Prometheus refuses a file with two groups of one name, so fail here with the reason instead.
            throw new ArgumentException($"Two SLOs have the id '{duplicate.Key}' (service '{duplicate.First().Service}', SLO '{duplicate.First().Name}'); rule group names would collide.", nameof(slos));
        }

        return all.SelectMany(Generate).ToList();
    }

    /// <summary>The SLI recordings, metadata recordings and (unless both alerts are disabled) alerts groups of one SLO.</summary>
    public IReadOnlyList<PrometheusRuleGroup> Generate(PrometheusSlo slo)
    {
        if (slo is null)
        {
            throw new ArgumentNullException(nameof(slo));
        }

        var windows = BurnRateWindows.For(slo.TimeWindow);
        var groups = new List<PrometheusRuleGroup>
        {
            new(SlothConventions.SliRecordingsGroup(slo), SliRecordingRules.Create(slo, windows)),
            new(SlothConventions.MetadataRecordingsGroup(slo), MetadataRecordingRules.Create(slo, windows, generator)),
        };

        var alerts = BurnRateAlertRules.Create(slo, windows);
        if (alerts.Count > 0)
        {
            groups.Add(new PrometheusRuleGroup(SlothConventions.AlertsGroup(slo), alerts));
        }

        return groups;
    }
}
