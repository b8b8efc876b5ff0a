using System.Collections.Generic;

namespace Guardrails.Slo.Prometheus.Rules;

/// <summary>
/// <c>slo:sli_error:ratio_rate&lt;window&gt;</c> for every alert window, then for the whole period. The period
/// rule is derived from the page alert's short-window rule (sum over time divided by count over time) rather
/// than from the raw query over 30 days, as Sloth does, which keeps it cheap for Prometheus.
/// </summary>
internal static class SliRecordingRules
{
    public static IReadOnlyList<PrometheusRule> Create(PrometheusSlo slo, BurnRateWindows windows)
    {
        var rules = new List<PrometheusRule>();
        foreach (var window in windows.DistinctWindows)
        {
            rules.Add(new PrometheusRule
            {
                Record = SlothConventions.SliErrorMetric(window),
                Expr = SliQueryRenderer.ErrorRatio(slo.Sli, window),
                Labels = WindowLabels(slo, window),
            });
        }

        rules.Add(PeriodRule(slo, windows));
        return rules;
    }

    private static PrometheusRule PeriodRule(PrometheusSlo slo, BurnRateWindows windows)
    {
        var source = SlothConventions.SliErrorMetric(windows.PageQuick.ShortWindow) + SlothConventions.IdSelector(slo);
        var range = "[" + PrometheusDuration.Format(slo.TimeWindow) + "]";

        // Summing the short-window ratios and dividing by their count weighs every sample alike; an average of
        // averages over different traffic would not be a ratio of the period.
        return new PrometheusRule
        {
            Record = SlothConventions.SliErrorMetric(slo.TimeWindow),
            Expr = "sum_over_time(" + source + range + ")\n"
                + "/ ignoring (" + SlothConventions.WindowLabel + ")\n"
                + "count_over_time(" + source + range + ")\n",
            Labels = WindowLabels(slo, slo.TimeWindow),
        };
    }

    private static SortedDictionary<string, string> WindowLabels(PrometheusSlo slo, System.TimeSpan window) =>
        SlothConventions.Merge(
            SlothConventions.IdLabels(slo),
            new Dictionary<string, string> { [SlothConventions.WindowLabel] = PrometheusDuration.Format(window) },
            slo.Labels);
}
