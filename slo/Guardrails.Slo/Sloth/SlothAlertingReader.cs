using System;
using System.Collections.Generic;
using System.Linq;
using Guardrails.Slo.Prometheus;
using Guardrails.Slo.Reading;

namespace Guardrails.Slo.Sloth;

/// <summary>
/// Reads a Sloth SLO's <c>alerting</c>: the alert name Sloth requires unless both alerts are disabled, the page and
/// ticket alerts, and the runbooks their annotations name (under the team policy, every alert needs one).
/// </summary>
internal static class SlothAlertingReader
{
    private static readonly string[] AlertingFields = ["name", "labels", "annotations", "page_alert", "ticket_alert"];
    private static readonly string[] AlertFields = ["disable", "labels", "annotations"];

    public static SlothAlerting Read(FieldReader slo, TextValue? service, TextValue? sloName, SlothReading reading)
    {
        var sloSubject = "SLO " + (service is null || sloName is null ? slo.Path : service.Value + "-" + sloName.Value);
        var alerting = slo.Nested("alerting", AlertingFields, reportUnknownFields: !reading.SpecOnly);
        if (alerting is null)
        {
            // Sloth requires the alert name unless both alerts are disabled; with no alerting block nothing is disabled.
            reading.Findings.Add(SloRules.MissingAlertName, sloName?.Span ?? slo.Owner, $"{sloSubject} has no alerting.name; Sloth needs it unless both page_alert and ticket_alert are disabled.");
            return SlothAlerting.Default;
        }

        var name = alerting.Text("name");
        var labels = SlothFields.Labels(alerting, "labels", reading);
        var annotations = SlothFields.Annotations(alerting, "annotations", reading);
        var sloRunbook = Runbook(annotations, sloSubject, reading);
        var page = Alert(alerting, "page_alert", name, labels, annotations, BurnRateAlert.DefaultPage, reading);
        var ticket = Alert(alerting, "ticket_alert", name, labels, annotations, BurnRateAlert.DefaultTicket, reading);
        if (name is null && !(page.Alert.Disabled && ticket.Alert.Disabled))
        {
            reading.Findings.Add(SloRules.MissingAlertName, alerting.Owner, $"{alerting.PathOf("name")} is required unless both page_alert and ticket_alert are disabled.");
        }

        var runbook = sloRunbook ?? page.Runbook ?? ticket.Runbook;
        var everyAlertHasOne = (page.Alert.Disabled || page.Runbook is not null || sloRunbook is not null)
            && (ticket.Alert.Disabled || ticket.Runbook is not null || sloRunbook is not null);
        if (!reading.SpecOnly && (runbook is null || !everyAlertHasOne))
        {
            reading.Findings.Add(
                SloRules.MissingRunbook,
                alerting.Owner,
                $"{sloSubject}{(runbook is null ? string.Empty : " has an alert that")} names no runbook. Add 'runbook_url: docs/runbooks/<name>.md' to {alerting.PathOf("annotations")}.");
        }

        return new SlothAlerting(page.Alert, ticket.Alert, runbook);
    }

    private static (BurnRateAlert Alert, string? Runbook) Alert(
        FieldReader alerting,
        string key,
        TextValue? name,
        IReadOnlyDictionary<string, string> sharedLabels,
        IReadOnlyList<KeyValuePair<TextValue, TextValue>> sharedAnnotations,
        BurnRateAlert defaults,
        SlothReading reading)
    {
        var alert = alerting.Nested(key, AlertFields, reportUnknownFields: !reading.SpecOnly);
        var disabled = alert?.Boolean("disable") ?? false;
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var label in sharedLabels.Concat(alert is null ? [] : SlothFields.Labels(alert, "labels", reading)))
        {
            labels[label.Key] = label.Value;
        }

        var annotations = new Dictionary<string, string>(StringComparer.Ordinal);
        var own = alert is null ? [] : SlothFields.Annotations(alert, "annotations", reading);
        foreach (var annotation in sharedAnnotations.Concat(own))
        {
            annotations[annotation.Key.Value] = annotation.Value.Value;
        }

        var runbook = disabled ? null : Runbook(own, "alert " + (name?.Value ?? alerting.PathOf(key)), reading);
        var severity = labels.TryGetValue("severity", out var labelled) ? labelled : defaults.Severity;
        labels.Remove("severity");
        return (new BurnRateAlert
        {
            Disabled = disabled,
            Name = name?.Value,
            Severity = severity,
            Labels = labels,
            Annotations = annotations,
        }, runbook);
    }

    /// <summary>Records the runbooks the annotations name; returns the first.</summary>
    private static string? Runbook(IReadOnlyList<KeyValuePair<TextValue, TextValue>> annotations, string subject, SlothReading reading)
    {
        string? first = null;
        foreach (var annotation in annotations)
        {
            if (Array.IndexOf(SlothConventions.RunbookAnnotations, annotation.Key.Value) >= 0 && annotation.Value.Value.Trim().Length > 0)
            {
                reading.RunbookReferences.Add(new RunbookReference(annotation.Value.Value.Trim(), annotation.Value.Span, subject));
                first ??= annotation.Value.Value.Trim();
            }
        }

        return first;
    }
}
