using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace Guardrails.Slo.Prometheus.Rules;

/// <summary>
/// The names Sloth gives its rules, labels and groups. Sloth's Grafana dashboards query these names, so they
/// are the compatibility contract: changing one breaks every dashboard built on Sloth.
/// </summary>
internal static class SlothConventions
{
    public const string IdLabel = "sloth_id";
    public const string ServiceLabel = "sloth_service";
    public const string SloLabel = "sloth_slo";
    public const string WindowLabel = "sloth_window";
    public const string SeverityLabel = "sloth_severity";
    public const string VersionLabel = "sloth_version";
    public const string ModeLabel = "sloth_mode";
    public const string SpecLabel = "sloth_spec";
    public const string ObjectiveLabel = "sloth_objective";

    public const string ObjectiveRatioMetric = "slo:objective:ratio";
    public const string ErrorBudgetRatioMetric = "slo:error_budget:ratio";
    public const string TimePeriodDaysMetric = "slo:time_period:days";
    public const string CurrentBurnRateMetric = "slo:current_burn_rate:ratio";
    public const string PeriodBurnRateMetric = "slo:period_burn_rate:ratio";
    public const string PeriodErrorBudgetRemainingMetric = "slo:period_error_budget_remaining:ratio";
    public const string InfoMetric = "sloth_slo_info";

    public static string SliErrorMetric(TimeSpan window) => "slo:sli_error:ratio_rate" + PrometheusDuration.Format(window);

    public static string SliRecordingsGroup(PrometheusSlo slo) => "sloth-slo-sli-recordings-" + slo.Id;

    public static string MetadataRecordingsGroup(PrometheusSlo slo) => "sloth-slo-meta-recordings-" + slo.Id;

    public static string AlertsGroup(PrometheusSlo slo) => "sloth-slo-alerts-" + slo.Id;

    public static SortedDictionary<string, string> IdLabels(PrometheusSlo slo) =>
        new(StringComparer.Ordinal)
        {
            [IdLabel] = slo.Id,
            [ServiceLabel] = slo.Service,
            [SloLabel] = slo.Name,
        };

    /// <summary>The SLO's identity as a PromQL selector, written as Prometheus prints a label set:
    /// <c>{sloth_id="a-b", sloth_service="a", sloth_slo="b"}</c>.</summary>
    public static string IdSelector(PrometheusSlo slo) =>
        "{" + string.Join(", ", IdLabels(slo).Select(label => label.Key + "=" + Quote(label.Value))) + "}";

    /// <summary>Later dictionaries win, as in Sloth's <c>mergeLabels</c>.</summary>
    public static SortedDictionary<string, string> Merge(params IReadOnlyDictionary<string, string>[] labelSets)
    {
        var merged = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var labels in labelSets)
        {
            foreach (var label in labels)
            {
                merged[label.Key] = label.Value;
            }
        }

        return merged;
    }

    private static string Quote(string value)
    {
        var quoted = new StringBuilder("\"");
        foreach (var character in value)
        {
            quoted.Append(character switch
            {
                '\\' => "\\\\",
                '"' => "\\\"",
                '\n' => "\\n",
                _ => character.ToString(),
            });
        }

        return quoted.Append('"').ToString();
    }
}
