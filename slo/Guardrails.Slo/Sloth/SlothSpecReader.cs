using System;
using System.Collections.Generic;
using System.Linq;
using Guardrails.Diagnostics;
using Guardrails.Slo.Policy;
using Guardrails.Slo.Prometheus;
using Guardrails.Slo.Reading;
using Guardrails.Slo.Yaml;

namespace Guardrails.Slo.Sloth;

/// <summary>
/// Reads a Sloth <c>prometheus/v1</c> service spec and checks it as <c>sloth validate</c> does (names, objective,
/// SLI queries with <c>{{.window}}</c>, alert names), then maps each SLO to a <see cref="PrometheusSlo"/>.
/// </summary>
internal sealed class SlothSpecReader
{
    private static readonly string[] SpecFields = ["version", "service", "labels", "slos", "slo_plugins"];
    private static readonly string[] SloFields = ["name", "objective", "description", "labels", "sli", "alerting", "plugins"];
    private static readonly string[] SliFields = ["events", "raw", "plugin"];
    private static readonly string[] EventsFields = ["error_query", "total_query"];
    private static readonly string[] RawFields = ["error_ratio_query"];
    private static readonly string[] PluginFields = ["id", "options"];
    private static readonly string[] AlertingFields = ["name", "labels", "annotations", "page_alert", "ticket_alert"];
    private static readonly string[] AlertFields = ["disable", "labels", "annotations"];

    private readonly FindingCollector findings;
    private readonly bool specOnly;
    private readonly List<RunbookReference> runbookReferences;
    private readonly List<CategorisedSlo> categorised;

    public SlothSpecReader(FindingCollector findings, bool specOnly, List<RunbookReference> runbookReferences, List<CategorisedSlo> categorised)
    {
        this.findings = findings;
        this.specOnly = specOnly;
        this.runbookReferences = runbookReferences;
        this.categorised = categorised;
    }

    /// <summary>The SLOs read so far with where each is named, for duplicate checks across files.</summary>
    public List<(PrometheusSlo Slo, SourceSpan Span)> Slos { get; } = [];

    public void Read(YamlMapping document)
    {
        var spec = new FieldReader(findings, document, string.Empty, document.Span, SpecFields, reportUnknownFields: !specOnly);
        var service = spec.Text("service", required: true);
        if (service is not null && !SlothConventions.IsName(service.Value))
        {
            InvalidName("service", service);
            service = null;
        }

        var serviceLabels = Labels(spec, "labels");
        var slos = spec.List("slos");
        if (slos is null || slos.Items.Count == 0)
        {
            findings.Add(SloRules.MissingField, slos?.Span ?? spec.SpanOf("version"), "slos must list at least one SLO.");
            return;
        }

        var namesInSpec = new Dictionary<string, SourceSpan>(StringComparer.Ordinal);
        for (var index = 0; index < slos.Items.Count; index++)
        {
            var path = spec.ItemPath("slos", index);
            if (slos.Items[index] is not YamlMapping mapping)
            {
                findings.Add(SloRules.WrongValueType, slos.Items[index].Span, $"{path} must be a mapping, not {slos.Items[index].Describe()}.");
                continue;
            }

            var errorsBefore = findings.ErrorCount;
            var slo = ReadSlo(new FieldReader(findings, mapping, path, mapping.Span, SloFields, reportUnknownFields: !specOnly), service, serviceLabels, namesInSpec);
            if (slo is not null && findings.ErrorCount == errorsBefore)
            {
                Slos.Add((slo, slo.Source!));
            }
        }
    }

    private PrometheusSlo? ReadSlo(FieldReader slo, TextValue? service, IReadOnlyDictionary<string, string> serviceLabels, Dictionary<string, SourceSpan> namesInSpec)
    {
        var name = slo.Text("name", required: true);
        if (name is not null && !SlothConventions.IsName(name.Value))
        {
            InvalidName("name", name, slo);
            name = null;
        }

        if (name is not null)
        {
            if (namesInSpec.TryGetValue(name.Value, out var earlier))
            {
                findings.Add(
                    SloRules.DuplicateName,
                    name.Span,
                    FormattableString.Invariant($"SLO '{name.Value}' is already declared at line {earlier.Line} of this spec; SLO names are unique within a service."));
            }
            else
            {
                namesInSpec[name.Value] = name.Span;
            }
        }

        var objective = slo.Number("objective");
        if (objective is null && !slo.Has("objective"))
        {
            slo.ReportMissing("objective", " (a percentage in (0, 100], e.g. 99.9)");
        }
        else if (objective is not null && objective.Value is <= 0 or > 100)
        {
            findings.Add(
                SloRules.InvalidObjective,
                objective.Span,
                FormattableString.Invariant($"{slo.PathOf("objective")} {objective.Value} must be greater than 0 and at most 100 (a percentage, e.g. 99.9)."));
            objective = null;
        }

        var description = slo.Text("description")?.Value;
        var labels = Labels(slo, "labels");
        var category = Category(slo, name);
        if (service is not null)
        {
            categorised.Add(new CategorisedSlo(service.Value, category, service.Span));
        }
        var sli = Sli(slo);
        var (page, ticket, runbook) = Alerting(slo, service, name);

        if (service is null || name is null || objective is null || sli is null)
        {
            return null;
        }

        var merged = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var label in serviceLabels.Concat(labels))
        {
            merged[label.Key] = label.Value;
        }

        return new PrometheusSlo
        {
            Service = service.Value,
            Name = name.Value,
            Objective = (double)((decimal)objective.Value / 100m),
            Sli = sli,
            Category = category,
            Description = description,
            RunbookUrl = runbook,
            Labels = merged,
            PageAlert = page,
            TicketAlert = ticket,
            Source = name.Span,
        };
    }

    private SloCategory Category(FieldReader slo, TextValue? name)
    {
        var labels = slo.Map("labels");
        var categoryKey = labels?.KeyOf(SlothConventions.CategoryLabel);
        if (categoryKey is not null && labels![SlothConventions.CategoryLabel] is YamlScalar value)
        {
            return SloCategoryName.Parse(new TextValue(value.Value, value.Span), findings, specOnly);
        }

        if (!specOnly)
        {
            findings.Add(
                SloRules.MissingCategory,
                name?.Span ?? slo.Owner,
                $"SLO {name?.Value ?? slo.Path} does not say what it measures. Add the label '{SlothConventions.CategoryLabel}: availability' (or latency, or other) to its labels.");
        }

        return SloCategory.Unspecified;
    }

    private SliQuery? Sli(FieldReader slo)
    {
        var sli = slo.Nested("sli", SliFields, required: true, reportUnknownFields: !specOnly);
        if (sli is null)
        {
            return null;
        }

        var kinds = SliFields.Where(sli.Has).ToArray();
        if (kinds.Length != 1)
        {
            findings.Add(
                SloRules.InvalidIndicatorMetric,
                sli.Owner,
                kinds.Length == 0
                    ? $"{sli.Path} needs one SLI type: events (error_query and total_query), raw (error_ratio_query) or plugin."
                    : $"{sli.Path} sets {string.Join(" and ", kinds)}; only one SLI type is allowed.");
            return null;
        }

        if (sli.Nested("events", EventsFields, reportUnknownFields: !specOnly) is { } events)
        {
            var error = Query(events, "error_query");
            var total = Query(events, "total_query");
            if (error is not null && total is not null && error.Value == total.Value)
            {
                findings.Add(SloRules.InvalidIndicatorMetric, total.Span, $"{events.Path}: error_query and total_query are the same; the error ratio would always be 1.");
                return null;
            }

            return error is null || total is null ? null : new SliQuery.Events(error.Value, total.Value);
        }

        if (sli.Nested("raw", RawFields, reportUnknownFields: !specOnly) is { } raw)
        {
            var ratio = Query(raw, "error_ratio_query");
            return ratio is null ? null : new SliQuery.Raw(ratio.Value);
        }

        if (sli.Nested("plugin", PluginFields, reportUnknownFields: !specOnly) is { } plugin)
        {
            plugin.Text("id", required: true);
            plugin.Map("options");
            if (!specOnly)
            {
                findings.Add(
                    SloRules.NotMappedToPrometheus,
                    sli.SpanOf("plugin"),
                    $"{sli.PathOf("plugin")}: Guardrails does not run Sloth SLI plugins, so no rules are generated for this SLO. Write the queries as events or raw.");
            }
        }

        return null;
    }

    private TextValue? Query(FieldReader owner, string key)
    {
        var query = owner.Text(key, required: true);
        if (query is not null && !SlothConventions.HasWindowVariable(query.Value))
        {
            findings.Add(
                SloRules.QueryWithoutWindow,
                query.Span,
                $"{owner.PathOf(key)} must contain the {{{{.window}}}} variable where the range goes, e.g. rate(http_requests_total[{{{{.window}}}}]).");
            return null;
        }

        return query;
    }

    private (BurnRateAlert Page, BurnRateAlert Ticket, string? Runbook) Alerting(FieldReader slo, TextValue? service, TextValue? sloName)
    {
        var sloSubject = "SLO " + (service is null || sloName is null ? slo.Path : service.Value + "-" + sloName.Value);
        var alerting = slo.Nested("alerting", AlertingFields, reportUnknownFields: !specOnly);
        if (alerting is null)
        {
            // Sloth requires the alert name unless both alerts are disabled; with no alerting block nothing is disabled.
            findings.Add(SloRules.MissingAlertName, sloName?.Span ?? slo.Owner, $"{sloSubject} has no alerting.name; Sloth needs it unless both page_alert and ticket_alert are disabled.");
            return (BurnRateAlert.DefaultPage, BurnRateAlert.DefaultTicket, null);
        }

        var name = alerting.Text("name");
        var labels = Labels(alerting, "labels");
        var annotations = Annotations(alerting, "annotations");
        var sloRunbook = Runbook(annotations, sloSubject);
        var page = Alert(alerting, "page_alert", name, labels, annotations, BurnRateAlert.DefaultPage);
        var ticket = Alert(alerting, "ticket_alert", name, labels, annotations, BurnRateAlert.DefaultTicket);
        if (name is null && !(page.Alert.Disabled && ticket.Alert.Disabled))
        {
            findings.Add(SloRules.MissingAlertName, alerting.Owner, $"{alerting.PathOf("name")} is required unless both page_alert and ticket_alert are disabled.");
        }

        var runbook = sloRunbook ?? page.Runbook ?? ticket.Runbook;
        var everyAlertHasOne = (page.Alert.Disabled || page.Runbook is not null || sloRunbook is not null)
            && (ticket.Alert.Disabled || ticket.Runbook is not null || sloRunbook is not null);
        if (!specOnly && (runbook is null || !everyAlertHasOne))
        {
            findings.Add(
                SloRules.MissingRunbook,
                alerting.Owner,
                $"{sloSubject}{(runbook is null ? string.Empty : " has an alert that")} names no runbook. Add 'runbook_url: docs/runbooks/<name>.md' to {alerting.PathOf("annotations")}.");
        }

        return (page.Alert, ticket.Alert, runbook);
    }

    private (BurnRateAlert Alert, string? Runbook) Alert(
        FieldReader alerting,
        string key,
        TextValue? name,
        IReadOnlyDictionary<string, string> sharedLabels,
        IReadOnlyList<KeyValuePair<TextValue, TextValue>> sharedAnnotations,
        BurnRateAlert defaults)
    {
        var alert = alerting.Nested(key, AlertFields, reportUnknownFields: !specOnly);
        var disabled = alert?.Boolean("disable") ?? false;
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var label in sharedLabels.Concat(alert is null ? [] : Labels(alert, "labels")))
        {
            labels[label.Key] = label.Value;
        }

        var annotations = new Dictionary<string, string>(StringComparer.Ordinal);
        var own = alert is null ? [] : Annotations(alert, "annotations");
        foreach (var annotation in sharedAnnotations.Concat(own))
        {
            annotations[annotation.Key.Value] = annotation.Value.Value;
        }

        var runbook = disabled ? null : Runbook(own, "alert " + (name?.Value ?? alerting.PathOf(key)));
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

    private string? Runbook(IReadOnlyList<KeyValuePair<TextValue, TextValue>> annotations, string subject)
    {
        string? first = null;
        foreach (var annotation in annotations)
        {
            if (Array.IndexOf(SlothConventions.RunbookAnnotations, annotation.Key.Value) >= 0 && annotation.Value.Value.Trim().Length > 0)
            {
                runbookReferences.Add(new RunbookReference(annotation.Value.Value.Trim(), annotation.Value.Span, subject));
                first ??= annotation.Value.Value.Trim();
            }
        }

        return first;
    }

    private Dictionary<string, string> Labels(FieldReader owner, string key)
    {
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var label in owner.StringMap(key))
        {
            // sloth validate accepts any UTF-8 label name but __name__; the generated rules must also load
            // in Prometheus 2.x, which only takes classic names, so Guardrails' own policy asks for those.
            if (label.Key.Value == "__name__" || (!specOnly && !PrometheusNames.IsLabelName(label.Key.Value)))
            {
                findings.Add(SloRules.InvalidName, label.Key.Span, $"Label key '{label.Key.Value}' in {owner.PathOf(key)} is not a valid Prometheus label name: use letters, digits and '_', not starting with a digit or '__'.");
            }
            else if (label.Value.Value.Length == 0)
            {
                findings.Add(SloRules.MissingField, label.Value.Span, $"Label '{label.Key.Value}' in {owner.PathOf(key)} needs a value.");
            }
            else
            {
                labels[label.Key.Value] = label.Value.Value;
            }
        }

        return labels;
    }

    private IReadOnlyList<KeyValuePair<TextValue, TextValue>> Annotations(FieldReader owner, string key)
    {
        var annotations = owner.StringMap(key);
        foreach (var annotation in annotations)
        {
            if (annotation.Key.Value.Length == 0)
            {
                findings.Add(SloRules.InvalidName, annotation.Key.Span, $"An annotation in {owner.PathOf(key)} has an empty key.");
            }
            else if (annotation.Value.Value.Length == 0)
            {
                findings.Add(SloRules.MissingField, annotation.Value.Span, $"Annotation '{annotation.Key.Value}' in {owner.PathOf(key)} needs a value.");
            }
        }

        return annotations;
    }

    private void InvalidName(string key, TextValue name, FieldReader? owner = null)
    {
        findings.Add(
            SloRules.InvalidName,
            name.Span,
            $"{owner?.PathOf(key) ?? key} '{name.Value}' is not a valid Sloth name: start and end with a letter or digit, and use only letters, digits, '.', '_' and '-'.");
    }
}
