using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using Guardrails.Diagnostics;
using Guardrails.Slo.Reading;
using Guardrails.Slo.Yaml;

namespace Guardrails.Slo.OpenSlo;

/// <summary>Reads an SLO's <c>spec</c> with the go-sdk's rules: indicator, budgeting method, time window, objectives, alert policies.</summary>
internal static class SloSpecReader
{
    public const string Occurrences = "Occurrences";
    public const string Timeslices = "Timeslices";
    public const string RatioTimeslices = "RatioTimeslices";

    private static readonly string[] SpecFields =
        ["description", "service", "indicator", "indicatorRef", "budgetingMethod", "timeWindow", "objectives", "alertPolicies"];

    private static readonly string[] IndicatorFields = ["metadata", "spec"];
    private static readonly string[] TimeWindowFields = ["duration", "isRolling", "calendar"];
    private static readonly string[] CalendarFields = ["startTime", "timeZone"];
    private static readonly string[] ThresholdFieldNames = ["op", "value"];

    private static readonly string[] ObjectiveFields =
        ["displayName", "op", "value", "target", "targetPercent", "timeSliceTarget", "timeSliceWindow", "indicator", "indicatorRef", "compositeWeight"];

    // IANA names ("Europe/Warsaw", "UTC"); checked by shape so the verdict does not depend on the machine's zone database.
    private static readonly Regex TimeZoneName = new("^(UTC|GMT|[A-Za-z][A-Za-z_]*(/[A-Za-z0-9_+\\-]+)+)$", RegexOptions.CultureInvariant);

    public sealed record Result(
        TextValue? Service,
        IndicatorSource? Indicator,
        IReadOnlyList<SloObjective> Objectives,
        TimeSpan? TimeWindow,
        SourceSpan? TimeWindowSpan,
        string? Description,
        IReadOnlyList<AlertPolicyLink> AlertPolicies);

    public static Result? Read(FieldReader owner, OpenSloReading reading)
    {
        var spec = owner.Nested("spec", SpecFields, required: true);
        if (spec is null)
        {
            return null;
        }

        OpenSloFields.Description(spec);
        var description = spec.Text("description")?.Value;
        // The go-sdk only requires spec.service, so --spec-only accepts any text ("TheServiceName"); the full
        // mode resolves it to a Service object, whose metadata.name must be an RFC 1123 label.
        var service = reading.SpecOnly
            ? spec.Text("service", required: true)
            : OpenSloFields.Name(spec, "service", required: true);
        if (service is not null && !reading.SpecOnly)
        {
            reading.Catalog.References.Add(new OpenSloReference(OpenSloKind.Service, service, spec.PathOf("service")));
        }

        var objectiveList = spec.List("objectives");
        var isComposite = objectiveList is not null && HasCompositeObjectives(objectiveList);
        var hasIndicator = spec.Has("indicator") || spec.Has("indicatorRef");
        if (isComposite == hasIndicator)
        {
            reading.Findings.Add(
                SloRules.ConflictingFields,
                spec.Owner,
                $"'indicator' or 'indicatorRef' must be set either on 'spec' (a standard SLO) or on each of 'spec.objectives' (a composite SLO), {(hasIndicator ? "not both" : "but none is")}.");
        }

        var indicator = hasIndicator ? Indicator(spec, reading) : null;
        var budgetingMethod = OpenSloFields.OneOf(spec, "budgetingMethod", required: true, Occurrences, Timeslices, RatioTimeslices);
        var (timeWindow, timeWindowSpan) = TimeWindow(spec, reading);

        var objectives = new List<SloObjective>();
        if (objectiveList is null && !reading.SpecOnly)
        {
            spec.ReportMissing("objectives", ": an SLO without an objective has no error budget to alert on");
        }

        if (objectiveList is not null)
        {
            var sli = indicator?.Inline;
            for (var index = 0; index < objectiveList.Items.Count; index++)
            {
                var objective = Objective(spec, index, objectiveList.Items[index], budgetingMethod, sli, isComposite, reading);
                if (objective is not null)
                {
                    objectives.Add(objective);
                }
            }
        }

        return new Result(service, indicator, objectives, timeWindow, timeWindowSpan, description, AlertPolicies(spec, reading));
    }

    private static List<AlertPolicyLink> AlertPolicies(FieldReader spec, OpenSloReading reading)
    {
        var links = new List<AlertPolicyLink>();
        if (spec.List("alertPolicies") is not { } policies)
        {
            return links;
        }

        for (var index = 0; index < policies.Items.Count; index++)
        {
            var item = AlertPolicyReader.ReadItem(spec, "alertPolicies", index, policies.Items[index], "alertPolicyRef", OpenSloKind.AlertPolicy, reading, AlertPolicyReader.ReadPolicySpec);
            if (item.Reference is not null)
            {
                links.Add(new AlertPolicyLink(null, item.Reference.Name.Value));
            }
            else if (item.Metadata?.Name is { } name)
            {
                var runbook = reading.CollectRunbooks(item.Metadata, "alert " + name.Value, name.Span);
                links.Add(new AlertPolicyLink(new AlertPolicySummary(name.Value, runbook, item.Inline?.Severity, item.Inline?.ConditionRef), null));
            }
        }

        return links;
    }

    private static bool HasCompositeObjectives(YamlSequence objectives)
    {
        foreach (var item in objectives.Items)
        {
            if (item is YamlMapping objective && (objective["indicator"] is not null || objective["indicatorRef"] is not null))
            {
                return true;
            }
        }

        return false;
    }

    private static IndicatorSource? Indicator(FieldReader owner, OpenSloReading reading)
    {
        var hasInline = owner.Has("indicator");
        var hasReference = owner.Has("indicatorRef");
        if (hasInline && hasReference)
        {
            reading.Findings.Add(
                SloRules.ConflictingFields,
                owner.SpanOf("indicatorRef"),
                $"{owner.PathOf("indicator")} and {owner.PathOf("indicatorRef")} are mutually exclusive; keep only one.");
            return null;
        }

        if (hasReference)
        {
            var reference = OpenSloFields.Reference(owner, "indicatorRef", OpenSloKind.SLI, required: true);
            if (reference is not null)
            {
                reading.Catalog.References.Add(reference);
            }

            return reference is null ? null : new IndicatorSource(null, reference);
        }

        var inline = owner.Nested("indicator", IndicatorFields);
        if (inline is null)
        {
            return null;
        }

        OpenSloFields.Metadata(inline);
        var sli = SliSpecReader.Read(inline, reading);
        return sli is null ? null : new IndicatorSource(sli, null);
    }

    private static (TimeSpan? Window, SourceSpan? Span) TimeWindow(FieldReader spec, OpenSloReading reading)
    {
        var windows = spec.List("timeWindow");
        if (windows is null || windows.Items.Count != 1)
        {
            reading.Findings.Add(
                SloRules.InvalidTimeWindow,
                windows?.Span ?? spec.Owner,
                string.Format(CultureInfo.InvariantCulture, "{0} must have exactly one entry, not {1}; e.g. '- duration: 28d' with 'isRolling: true'.", spec.PathOf("timeWindow"), windows?.Items.Count ?? 0));
        }

        if (windows is null || windows.Items.Count == 0)
        {
            return (null, null);
        }

        var path = spec.ItemPath("timeWindow", 0);
        if (windows.Items[0] is not YamlMapping mapping)
        {
            reading.Findings.Add(SloRules.WrongValueType, windows.Items[0].Span, $"{path} must be a mapping, not {windows.Items[0].Describe()}.");
            return (null, null);
        }

        var window = new FieldReader(reading.Findings, mapping, path, mapping.Span, TimeWindowFields);
        var duration = OpenSloFields.Duration(window, "duration", required: true);
        var rolling = window.Boolean("isRolling");

        // An isRolling of the wrong type is reported as such; which calendar rule applies is then unknown.
        var rollingIsKnown = rolling is not null || !window.Has("isRolling");
        var isRolling = rolling ?? false;
        var hasCalendar = window.Has("calendar");
        if (rollingIsKnown && isRolling && hasCalendar)
        {
            reading.Findings.Add(SloRules.InvalidTimeWindow, window.SpanOf("calendar"), $"{path}: 'calendar' cannot be set when 'isRolling' is true.");
        }
        else if (rollingIsKnown && !isRolling && !hasCalendar)
        {
            reading.Findings.Add(SloRules.InvalidTimeWindow, mapping.Span, $"{path}: 'calendar' must be set when 'isRolling' is false (or set 'isRolling: true').");
        }

        if (window.Nested("calendar", CalendarFields) is { } calendar)
        {
            // Required: the go-sdk runs its date-time and time-zone rules on empty values too, which fail.
            var startTime = calendar.Text("startTime", required: true);
            if (startTime is not null && !DateTime.TryParseExact(startTime.Value, "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
            {
                reading.Findings.Add(SloRules.InvalidTimeWindow, startTime.Span, $"{calendar.PathOf("startTime")} '{startTime.Value}' must be a date and time like '2024-01-01 00:00:00'.");
            }

            var timeZone = calendar.Text("timeZone", required: true);
            if (timeZone is not null && !TimeZoneName.IsMatch(timeZone.Value))
            {
                reading.Findings.Add(SloRules.InvalidTimeWindow, timeZone.Span, $"{calendar.PathOf("timeZone")} '{timeZone.Value}' must be an IANA time zone name like 'Europe/Warsaw' or 'UTC'.");
            }
        }

        return (duration?.ToTimeSpan(), mapping["duration"]?.Span);
    }

    private static SloObjective? Objective(
        FieldReader spec,
        int index,
        YamlNode node,
        string? budgetingMethod,
        SliSpec? inlineSli,
        bool isComposite,
        OpenSloReading reading)
    {
        var path = spec.ItemPath("objectives", index);
        if (node is not YamlMapping mapping)
        {
            reading.Findings.Add(SloRules.WrongValueType, node.Span, $"{path} must be a mapping, not {node.Describe()}.");
            return null;
        }

        var objective = new FieldReader(reading.Findings, mapping, path, mapping.Span, ObjectiveFields);
        var displayName = objective.Text("displayName")?.Value;
        ThresholdFields(objective, inlineSli, reading);

        var ratio = Target(objective, reading);
        TimeSlices(objective, budgetingMethod, reading);

        IndicatorSource? indicator = null;
        if (isComposite)
        {
            if (objective.Has("indicator") || objective.Has("indicatorRef"))
            {
                indicator = Indicator(objective, reading);
            }
            else
            {
                reading.Findings.Add(SloRules.ConflictingFields, mapping.Span, $"{path} is part of a composite SLO and needs 'indicator' or 'indicatorRef'.");
            }

            var weight = objective.Number("compositeWeight");
            if (weight is not null && weight.Value <= 0)
            {
                reading.Findings.Add(SloRules.InvalidValue, weight.Span, $"{objective.PathOf("compositeWeight")} must be greater than 0.");
            }
        }
        else if (objective.Has("compositeWeight"))
        {
            objective.Number("compositeWeight");
        }

        var targetSpan = (mapping["target"] ?? mapping["targetPercent"])?.Span;
        return new SloObjective(ratio, displayName, indicator, objective.Has("op") && objective.Has("value"), mapping.Span, targetSpan);
    }

    /// <summary>
    /// op and value, as the go-sdk checks them (slo.go, sloThresholdObjectiveValidationWhenInlinedSLI and
    /// sloRatioObjectiveValidationWhenInlinedSLI): required, op one of gt/lt/gte/lte, with an inline threshold SLI;
    /// forbidden with an inline ratio SLI; otherwise (a referenced SLI, a composite SLO) only their types are known.
    /// </summary>
    private static void ThresholdFields(FieldReader objective, SliSpec? inlineSli, OpenSloReading reading)
    {
        if (inlineSli?.ThresholdMetric is not null)
        {
            OpenSloFields.Operator(objective, "op", required: true);
            objective.Number("value", required: true);
            return;
        }

        objective.Text("op");
        objective.Number("value");
        if (inlineSli?.Ratio is null)
        {
            return;
        }

        foreach (var key in ThresholdFieldNames.Where(objective.Has))
        {
            reading.Findings.Add(
                SloRules.UnknownField,
                objective.SpanOf(key),
                $"{objective.PathOf(key)} is not allowed here: the SLO's SLI is a ratio metric, and op and value belong to a threshold metric. Remove it.");
        }
    }

    private static double? Target(FieldReader objective, OpenSloReading reading)
    {
        var target = objective.Number("target");
        var percent = objective.Number("targetPercent");
        var hasTarget = objective.Has("target");
        var hasPercent = objective.Has("targetPercent");
        if (hasTarget == hasPercent)
        {
            reading.Findings.Add(
                SloRules.ConflictingFields,
                hasTarget ? objective.SpanOf("targetPercent") : objective.Owner,
                hasTarget
                    ? $"{objective.Path} sets both target and targetPercent; they are mutually exclusive, keep one."
                    : $"{objective.Path} needs one of target (a ratio in [0, 1), e.g. 0.999) or targetPercent (in [0, 100), e.g. 99.9).");
            return null;
        }

        if (target is not null)
        {
            if (target.Value is >= 0 and < 1)
            {
                return target.Value;
            }

            reading.Findings.Add(
                SloRules.InvalidObjective,
                target.Span,
                FormattableString.Invariant($"{objective.PathOf("target")} {target.Value} must be at least 0 and less than 1 (0.999 means 99.9 %){(target.Value is >= 1 and < 100 ? "; did you mean targetPercent?" : ".")}"));
        }

        if (percent is not null)
        {
            if (percent.Value is >= 0 and < 100)
            {
                return (double)((decimal)percent.Value / 100m);
            }

            reading.Findings.Add(
                SloRules.InvalidObjective,
                percent.Span,
                FormattableString.Invariant($"{objective.PathOf("targetPercent")} {percent.Value} must be at least 0 and less than 100."));
        }

        return null;
    }

    private static void TimeSlices(FieldReader objective, string? budgetingMethod, OpenSloReading reading)
    {
        // Only Timeslices uses timeSliceTarget, and only then does the go-sdk check its range.
        var sliceTarget = objective.Number("timeSliceTarget");
        if (budgetingMethod == Timeslices && sliceTarget is not null && sliceTarget.Value is <= 0 or > 1)
        {
            reading.Findings.Add(
                SloRules.InvalidBudgeting,
                sliceTarget.Span,
                FormattableString.Invariant($"{objective.PathOf("timeSliceTarget")} {sliceTarget.Value} must be greater than 0 and at most 1."));
        }

        if (budgetingMethod == Timeslices && !objective.Has("timeSliceTarget"))
        {
            reading.Findings.Add(
                SloRules.InvalidBudgeting,
                objective.Owner,
                $"{objective.PathOf("timeSliceTarget")} is required when budgetingMethod is Timeslices: the share of good events that makes a slice good (e.g. 0.95).");
        }

        var needsWindow = budgetingMethod is Timeslices or RatioTimeslices;
        if (needsWindow && !objective.Has("timeSliceWindow"))
        {
            reading.Findings.Add(
                SloRules.InvalidBudgeting,
                objective.Owner,
                $"{objective.PathOf("timeSliceWindow")} is required when budgetingMethod is {budgetingMethod}: the length of one slice (e.g. 1m).");
        }

        OpenSloFields.Duration(objective, "timeSliceWindow", required: false);
    }
}
