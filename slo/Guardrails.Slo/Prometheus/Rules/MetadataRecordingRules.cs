using System.Collections.Generic;

namespace Guardrails.Slo.Prometheus.Rules;

/// <summary>
/// The SLO's constants and derived burn rates that Sloth's dashboards read: objective, error budget, period in
/// days, current (short window) and period burn rates, remaining budget, and the <c>sloth_slo_info</c> series.
/// </summary>
internal static class MetadataRecordingRules
{
    public static IReadOnlyList<PrometheusRule> Create(PrometheusSlo slo, BurnRateWindows windows, RuleGeneratorInfo generator)
    {
        var labels = SlothConventions.Merge(SlothConventions.IdLabels(slo), slo.Labels);
        var selector = SlothConventions.IdSelector(slo);
        var objective = new SlothObjective(slo.Objective);
        var objectiveRatio = GoFloatFormat.General(objective.Ratio);

        var infoLabels = SlothConventions.Merge(
            labels,
            new Dictionary<string, string>
            {
                [SlothConventions.VersionLabel] = generator.Version,
                [SlothConventions.ModeLabel] = generator.Mode,
                [SlothConventions.SpecLabel] = slo.SourceSpec,
                [SlothConventions.ObjectiveLabel] = GoFloatFormat.Fixed(objective.Percent),
            });

        return new[]
        {
            Rule(SlothConventions.ObjectiveRatioMetric, "vector(" + objectiveRatio + ")", labels),
            Rule(SlothConventions.ErrorBudgetRatioMetric, "vector(1-" + objectiveRatio + ")", labels),
            Rule(SlothConventions.TimePeriodDaysMetric, "vector(" + GoFloatFormat.General(slo.TimeWindow.TotalHours / 24) + ")", labels),
            Rule(SlothConventions.CurrentBurnRateMetric, BurnRate(SlothConventions.SliErrorMetric(windows.PageQuick.ShortWindow), selector), labels),
            Rule(SlothConventions.PeriodBurnRateMetric, BurnRate(SlothConventions.SliErrorMetric(slo.TimeWindow), selector), labels),
            Rule(SlothConventions.PeriodErrorBudgetRemainingMetric, "1 - " + SlothConventions.PeriodBurnRateMetric + selector, labels),
            Rule(SlothConventions.InfoMetric, "vector(1)", infoLabels),
        };
    }

    private static string BurnRate(string sliErrorMetric, string selector) =>
        sliErrorMetric + selector + "\n"
        + "/ on(" + SlothConventions.IdLabel + ", " + SlothConventions.SloLabel + ", " + SlothConventions.ServiceLabel + ") group_left\n"
        + SlothConventions.ErrorBudgetRatioMetric + selector + "\n";

    private static PrometheusRule Rule(string record, string expr, IReadOnlyDictionary<string, string> labels) =>
        new() { Record = record, Expr = expr, Labels = labels };
}
