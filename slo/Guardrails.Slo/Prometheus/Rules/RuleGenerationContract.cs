using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Guardrails.Diagnostics;

namespace Guardrails.Slo.Prometheus.Rules;

/// <summary>
/// What <see cref="PrometheusRuleGenerator"/> needs of the SLOs it is given, written once. The validator reports
/// each breach as a positioned finding of a protected rule (one no severity override can weaken), and the
/// generator asserts the same checks, so whatever <c>guardrails validate</c> accepts the build can turn into rules.
/// </summary>
public static class RuleGenerationContract
{
    /// <summary>An objective the burn-rate maths can use: an error budget (1 - objective) above 0 and below 1.</summary>
    public static bool SupportsObjective(double objective) => objective > 0 && objective < 1;

    /// <summary>A time window with room for the longest alert window (the ticket alert's 3 days).</summary>
    public static bool SupportsTimeWindow(TimeSpan window) => BurnRateWindows.Supports(window);

    /// <summary>One finding per breach, at the field to change, and the SLOs that can become rules together.</summary>
    public static RuleGenerationVerdict Check(IReadOnlyList<PrometheusSlo> slos)
    {
        if (slos is null)
        {
            throw new ArgumentNullException(nameof(slos));
        }

        var findings = new List<Finding>();
        var accepted = new List<PrometheusSlo>();
        var firstById = new Dictionary<string, PrometheusSlo>(StringComparer.Ordinal);
        foreach (var slo in slos)
        {
            var before = findings.Count;
            var at = slo.Source ?? SourceSpan.WholeFile("(SLO " + slo.Id + ")");
            if (!SupportsObjective(slo.Objective))
            {
                findings.Add(new Finding(SloRules.ObjectiveWithoutBudget, slo.ObjectiveSource ?? at, ObjectiveMessage(slo)));
            }

            if (!SupportsTimeWindow(slo.TimeWindow))
            {
                findings.Add(new Finding(SloRules.TimeWindowTooShort, slo.TimeWindowSource ?? at, TimeWindowMessage(slo)));
            }

            if (firstById.TryGetValue(slo.Id, out var first))
            {
                var earlier = first.Source is { } span ? FormattableString.Invariant($" at {span.File}({span.Line},{span.Column})") : string.Empty;
                findings.Add(new Finding(
                    SloRules.RuleGroupCollision,
                    at,
                    $"SLO '{slo.Name}' of service '{slo.Service}' has the id '{slo.Id}', already used by SLO '{first.Name}' of service '{first.Service}'{earlier}; their rule groups would collide and Prometheus refuses the file. Rename one of them."));
            }
            else
            {
                firstById[slo.Id] = slo;
            }

            if (findings.Count == before && SharedAlert(slo, accepted) is { } owner)
            {
                findings.Add(new Finding(
                    SloRules.DuplicateAlert,
                    at,
                    $"SLO '{slo.Id}' raises an alert of the same name and labels as SLO '{owner.Alert}' of '{owner.Slo.Id}'; promtool check rules refuses a rule file with duplicate rules, and Alertmanager could not tell the two apart. Give this SLO's alerts their own name (Sloth: alerting.name)."));
            }

            if (findings.Count == before)
            {
                accepted.Add(slo);
            }
        }

        return new RuleGenerationVerdict(findings, accepted);
    }

    /// <summary>An SLO of the same service, already accepted, that generates an alert identical in name and labels.</summary>
    private static (PrometheusSlo Slo, string Alert)? SharedAlert(PrometheusSlo slo, IReadOnlyList<PrometheusSlo> accepted)
    {
        var alerts = AlertKeys(slo);
        foreach (var other in accepted.Where(other => other.Service == slo.Service))
        {
            var shared = AlertKeys(other).Intersect(alerts, StringComparer.Ordinal).FirstOrDefault();
            if (shared is not null)
            {
                return (other, shared.Substring(0, shared.IndexOf('{')));
            }
        }

        return null;
    }

    private static IReadOnlyList<string> AlertKeys(PrometheusSlo slo) =>
        [.. BurnRateAlertRules.Create(slo, BurnRateWindows.For(slo.TimeWindow))
            .Select(rule => rule.Alert + "{" + string.Join(",", rule.Labels.OrderBy(label => label.Key, StringComparer.Ordinal).Select(label => label.Key + "=" + label.Value)) + "}")];

    private static string ObjectiveMessage(PrometheusSlo slo)
    {
        var percent = (slo.Objective * 100).ToString("0.#########", CultureInfo.InvariantCulture);
        return slo.Objective >= 1
            ? $"SLO '{slo.Id}' has an objective of {percent} %: it leaves no error budget, so every burn-rate alert would divide by zero. Use an objective below 100 %, e.g. 99.9."
            : $"SLO '{slo.Id}' has an objective of {percent} %: with no objective there is no error budget to burn. Use an objective above 0 %, e.g. 99.9 % (OpenSLO target: 0.999).";
    }

    private static string TimeWindowMessage(PrometheusSlo slo)
    {
        var longest = PrometheusDuration.Format(BurnRateWindows.LongestAlertWindow);
        return $"SLO '{slo.Id}' has a time window of {PrometheusDuration.Format(slo.TimeWindow)}; multiwindow burn-rate alerts need a window longer than {longest}, "
            + $"their longest (ticket) alert window. Use 7d, 28d or 30d (the windows Sloth's catalogues are tuned for), or any window longer than {longest}.";
    }
}
