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

    /// <summary>
    /// The groups of all the SLOs, in the order given. The SLOs must satisfy <see cref="RuleGenerationContract"/>,
    /// which the validator guarantees by reporting every breach as an error no override can weaken; a breach here
    /// is a bug in Guardrails, not in the user's files.
    /// </summary>
    public IReadOnlyList<PrometheusRuleGroup> Generate(IEnumerable<PrometheusSlo> slos)
    {
        var all = (slos ?? throw new ArgumentNullException(nameof(slos))).ToList();
        var breaches = RuleGenerationContract.Check(all).Findings;
        if (breaches.Count > 0)
        {
            throw new InvalidOperationException("The SLOs were not validated before rule generation: " + string.Join(" ", breaches.Select(breach => breach.Message)));
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
