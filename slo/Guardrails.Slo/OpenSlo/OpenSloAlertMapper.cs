using System;
using System.Collections.Generic;
using System.Text;
using Guardrails.Slo.Prometheus;

namespace Guardrails.Slo.OpenSlo;

/// <summary>
/// Maps an SLO's alert policies to the page and ticket alerts of the multiwindow, multi-burn-rate pair.
/// Without policies both alerts are generated with defaults. With policies, each policy's condition
/// severity decides: ticket-like severities (ticket, warning, low, medium, info, minor) give the ticket
/// alert, any other severity the page alert, so an unrecognised severity still pages. An alert no policy
/// asks for is disabled. The alert is named after its policy and carries the policy's runbook.
/// </summary>
internal static class OpenSloAlertMapper
{
    private static readonly string[] TicketSeverities = ["ticket", "warning", "warn", "low", "medium", "info", "minor"];

    public static (BurnRateAlert Page, BurnRateAlert Ticket) Map(SloDefinition slo, OpenSloCatalog catalog)
    {
        if (slo.AlertPolicies.Count == 0)
        {
            return (BurnRateAlert.DefaultPage, BurnRateAlert.DefaultTicket);
        }

        AlertPolicySummary? page = null;
        AlertPolicySummary? ticket = null;
        foreach (var link in slo.AlertPolicies)
        {
            var policy = link.Inline ?? (link.Reference is null ? null : catalog.FindAlertPolicy(link.Reference));
            if (policy is null)
            {
                continue;
            }

            var severity = policy.Severity ?? (policy.ConditionRef is null ? null : catalog.FindConditionSeverity(policy.ConditionRef));
            if (IsTicket(severity))
            {
                ticket ??= policy;
            }
            else
            {
                page ??= policy;
            }
        }

        return (Alert(page, BurnRateAlert.DefaultPage), Alert(ticket, BurnRateAlert.DefaultTicket));
    }

    /// <summary>A Prometheus alert name from an RFC 1123 name: "checkout-fast-burn" becomes "CheckoutFastBurn".</summary>
    public static string AlertName(string policyName)
    {
        var name = new StringBuilder(policyName.Length);
        var startOfWord = true;
        foreach (var character in policyName)
        {
            if (character is '-' or '.')
            {
                startOfWord = true;
                continue;
            }

            name.Append(startOfWord ? char.ToUpperInvariant(character) : character);
            startOfWord = false;
        }

        return name.Length > 0 && char.IsDigit(name[0]) ? "Slo" + name : name.ToString();
    }

    private static bool IsTicket(string? severity)
    {
        foreach (var ticket in TicketSeverities)
        {
            if (string.Equals(ticket, severity?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static BurnRateAlert Alert(AlertPolicySummary? policy, BurnRateAlert defaults)
    {
        if (policy is null)
        {
            return defaults with { Disabled = true };
        }

        var annotations = new Dictionary<string, string>(StringComparer.Ordinal);
        if (policy.Runbook is not null)
        {
            annotations["runbook_url"] = policy.Runbook;
        }

        return defaults with { Name = AlertName(policy.Name), Annotations = annotations };
    }
}
