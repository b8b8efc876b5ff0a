using System;
using System.Collections.Generic;
using System.Globalization;
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

    /// <summary>What stops these SLOs from being written to one rule file; empty when <see cref="Generate(IEnumerable{PrometheusSlo})"/> will succeed.</summary>
    public static IReadOnlyList<RuleGenerationProblem> FindProblems(IEnumerable<PrometheusSlo> slos)
    {
        if (slos is null)
        {
            throw new ArgumentNullException(nameof(slos));
        }

        var all = slos.ToList();
        var problems = new List<RuleGenerationProblem>();
        foreach (var slo in all)
        {
            if (!(slo.Objective > 0 && slo.Objective < 1))
            {
                problems.Add(new RuleGenerationProblem(slo, $"SLO '{slo.Id}' has the objective {slo.Objective.ToString(CultureInfo.InvariantCulture)}; it must be a ratio greater than 0 and less than 1 (99.9 % is 0.999)."));
            }

            if (!BurnRateWindows.Supports(slo.TimeWindow))
            {
                problems.Add(new RuleGenerationProblem(slo, $"SLO '{slo.Id}' has a time window of {PrometheusDuration.Format(slo.TimeWindow)}; burn-rate alerts need a window longer than {PrometheusDuration.Format(BurnRateWindows.LongestAlertWindow)} (their longest window). Use 7d, 28d or 30d."));
            }
        }

        // Prometheus refuses a file with two groups of one name.
        foreach (var duplicate in all.GroupBy(slo => slo.Id, StringComparer.Ordinal).Where(group => group.Count() > 1))
        {
            problems.Add(new RuleGenerationProblem(duplicate.Last(), $"Two SLOs have the id '{duplicate.Key}' (service '{duplicate.First().Service}', SLO '{duplicate.First().Name}'); their rule groups would collide. Rename one."));
        }

        return problems;
    }

    /// <summary>The groups of all the SLOs, in the order given; throws when <see cref="FindProblems"/> finds any.</summary>
    public IReadOnlyList<PrometheusRuleGroup> Generate(IEnumerable<PrometheusSlo> slos)
    {
        var all = (slos ?? throw new ArgumentNullException(nameof(slos))).ToList();
        var problems = FindProblems(all);
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", problems.Select(problem => problem.Message)), nameof(slos));
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
