using System;
using System.Collections.Generic;
using System.Linq;

namespace Guardrails.Slo.Prometheus.Rules;

/// <summary>
/// The page and ticket alerts: each fires when either of its two conditions holds, a condition being the error
/// ratio above <c>factor × error budget</c> over both its long and its short window. Disabled alerts are omitted.
/// </summary>
internal static class BurnRateAlertRules
{
    private const string PageSeverity = "page";
    private const string TicketSeverity = "ticket";
    private const string RunbookAnnotation = "runbook_url";

    private static readonly char[] NameSeparators = { '-', '_', '.', ' ' };

    public static IReadOnlyList<PrometheusRule> Create(PrometheusSlo slo, BurnRateWindows windows)
    {
        var rules = new List<PrometheusRule>();
        if (!slo.PageAlert.Disabled)
        {
            rules.Add(Alert(slo, slo.PageAlert, PageSeverity, windows, windows.PageQuick, windows.PageSlow));
        }

        if (!slo.TicketAlert.Disabled)
        {
            rules.Add(Alert(slo, slo.TicketAlert, TicketSeverity, windows, windows.TicketQuick, windows.TicketSlow));
        }

        return rules;
    }

    /// <summary>The name used when the SLO file gives none: the service and SLO names in PascalCase, e.g.
    /// <c>CheckoutRequestsAvailabilityBurnRate</c>. Page and ticket share it, as in Sloth; the
    /// <c>sloth_severity</c> label tells them apart. Words the SLO name repeats from the end of the service name
    /// are said once: service <c>orders</c>, SLO <c>orders-availability</c> is <c>OrdersAvailabilityBurnRate</c>.</summary>
    public static string DefaultAlertName(PrometheusSlo slo)
    {
        var service = Words(slo.Service);
        var name = Words(slo.Name);
        var repeated = Enumerable.Range(1, Math.Min(service.Length, name.Length - 1 < 0 ? 0 : name.Length - 1))
            .Where(count => service.Skip(service.Length - count).SequenceEqual(name.Take(count), StringComparer.OrdinalIgnoreCase))
            .DefaultIfEmpty(0)
            .Max();
        return PascalCase(service) + PascalCase(name.Skip(repeated)) + "BurnRate";
    }

    private static PrometheusRule Alert(PrometheusSlo slo, BurnRateAlert alert, string severity, BurnRateWindows windows, BurnRateWindow quick, BurnRateWindow slow)
    {
        var annotations = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["title"] = "(" + severity + ") {{$labels." + SlothConventions.ServiceLabel + "}} {{$labels." + SlothConventions.SloLabel + "}} SLO error budget burn rate is too fast.",
            ["summary"] = "{{$labels." + SlothConventions.ServiceLabel + "}} {{$labels." + SlothConventions.SloLabel + "}} SLO error budget burn rate is over expected.",
        };
        if (!string.IsNullOrWhiteSpace(slo.RunbookUrl))
        {
            annotations[RunbookAnnotation] = slo.RunbookUrl!;
        }

        // SLO labels are not repeated here: the alert inherits them from the recording rules it selects.
        var labels = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [SlothConventions.SeverityLabel] = severity,
            ["severity"] = alert.Severity,
        };

        return new PrometheusRule
        {
            Alert = string.IsNullOrWhiteSpace(alert.Name) ? DefaultAlertName(slo) : alert.Name,
            Expr = Expression(slo, windows, quick, slow),
            Labels = SlothConventions.Merge(labels, alert.Labels),
            Annotations = SlothConventions.Merge(annotations, alert.Annotations),
        };
    }

    private static string Expression(PrometheusSlo slo, BurnRateWindows windows, BurnRateWindow quick, BurnRateWindow slow)
    {
        var errorBudget = GoFloatFormat.General(new SlothObjective(slo.Objective).ErrorBudgetRatio);
        var selector = SlothConventions.IdSelector(slo);

        string Condition(TimeSpan window, BurnRateWindow condition) =>
            "(" + SlothConventions.SliErrorMetric(window) + selector
            + " > (" + GoFloatFormat.General(condition.BurnRateFactor(windows.Period)) + " * " + errorBudget + "))";

        const string Indent = "    ";
        var ignoringWindow = "ignoring (" + SlothConventions.WindowLabel + ")";
        return "(\n"
            + Indent + Condition(quick.ShortWindow, quick) + "\n"
            + Indent + "and " + ignoringWindow + "\n"
            + Indent + Condition(quick.LongWindow, quick) + "\n"
            + ")\n"
            + "or " + ignoringWindow + "\n"
            + "(\n"
            + Indent + Condition(slow.ShortWindow, slow) + "\n"
            + Indent + "and " + ignoringWindow + "\n"
            + Indent + Condition(slow.LongWindow, slow) + "\n"
            + ")\n";
    }

    private static string[] Words(string name) => name.Split(NameSeparators, StringSplitOptions.RemoveEmptyEntries);

    private static string PascalCase(IEnumerable<string> words) =>
        string.Concat(words.Select(part => char.ToUpperInvariant(part[0]) + part.Substring(1)));
}
