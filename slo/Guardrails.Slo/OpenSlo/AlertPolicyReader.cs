using System.Globalization;
using Guardrails.Slo.Diagnostics;
using Guardrails.Slo.Reading;
using Guardrails.Slo.Yaml;

namespace Guardrails.Slo.OpenSlo;

/// <summary>
/// Reads AlertPolicy, AlertCondition and AlertNotificationTarget specs, whether declared as objects or
/// inline in an SLO or a policy, and the references that replace them.
/// </summary>
internal static class AlertPolicyReader
{
    public static readonly string[] InlineFields = ["kind", "metadata", "spec"];

    private static readonly string[] PolicySpecFields =
        ["description", "alertWhenNoData", "alertWhenBreaching", "alertWhenResolved", "conditions", "notificationTargets"];

    private static readonly string[] ConditionSpecFields = ["severity", "condition", "description"];
    private static readonly string[] ConditionFields = ["kind", "op", "threshold", "lookbackWindow", "alertAfter"];
    private static readonly string[] TargetSpecFields = ["description", "target"];

    public static void ReadPolicySpec(FieldReader owner, OpenSloReading reading)
    {
        var spec = owner.Nested("spec", PolicySpecFields, required: true);
        if (spec is null)
        {
            return;
        }

        OpenSloFields.Description(spec);
        spec.Boolean("alertWhenNoData");
        spec.Boolean("alertWhenBreaching");
        spec.Boolean("alertWhenResolved");

        var conditions = spec.List("conditions");
        if (conditions is null || conditions.Items.Count != 1)
        {
            reading.Findings.Add(
                SloRules.InvalidAlertCondition,
                conditions?.Span ?? spec.Owner,
                string.Format(CultureInfo.InvariantCulture, "{0} must have exactly one condition, not {1}.", spec.PathOf("conditions"), conditions?.Items.Count ?? 0));
        }

        if (conditions is not null)
        {
            for (var index = 0; index < conditions.Items.Count; index++)
            {
                ReadItem(spec, "conditions", index, conditions.Items[index], "conditionRef", OpenSloKind.AlertCondition, reading, ReadConditionSpec);
            }
        }

        var targets = spec.List("notificationTargets");
        if (targets is null || targets.Items.Count == 0)
        {
            reading.Findings.Add(
                SloRules.MissingField,
                targets?.Span ?? spec.Owner,
                $"{spec.PathOf("notificationTargets")} must list at least one notification target (inline, or targetRef).");
        }

        if (targets is not null)
        {
            for (var index = 0; index < targets.Items.Count; index++)
            {
                ReadItem(spec, "notificationTargets", index, targets.Items[index], "targetRef", OpenSloKind.AlertNotificationTarget, reading, ReadTargetSpec);
            }
        }
    }

    public static void ReadConditionSpec(FieldReader owner, OpenSloReading reading)
    {
        var spec = owner.Nested("spec", ConditionSpecFields, required: true);
        if (spec is null)
        {
            return;
        }

        OpenSloFields.Description(spec);
        spec.Text("severity", required: true);
        var condition = spec.Nested("condition", ConditionFields, required: true);
        if (condition is null)
        {
            return;
        }

        var kind = condition.Text("kind", required: true);
        if (kind is not null && kind.Value != "burnrate")
        {
            reading.Findings.Add(SloRules.InvalidAlertCondition, kind.Span, $"{condition.PathOf("kind")} '{kind.Value}' is not supported; OpenSLO v1 defines 'burnrate'.");
            return;
        }

        if (kind is not null)
        {
            OpenSloFields.Operator(condition, "op", required: true);
            condition.Number("threshold", required: true);
            OpenSloFields.Duration(condition, "lookbackWindow", required: true);
            OpenSloFields.Duration(condition, "alertAfter", required: false);
        }
    }

    public static void ReadTargetSpec(FieldReader owner, OpenSloReading reading)
    {
        var spec = owner.Nested("spec", TargetSpecFields, required: true);
        if (spec is null)
        {
            return;
        }

        spec.Text("target", required: true);
        OpenSloFields.Description(spec);
    }

    /// <summary>
    /// One entry of a list that holds either a reference (<paramref name="referenceField"/>) or an inline
    /// object (kind, metadata, spec), never both.
    /// </summary>
    public static void ReadItem(
        FieldReader list,
        string key,
        int index,
        YamlNode node,
        string referenceField,
        OpenSloKind kind,
        OpenSloReading reading,
        System.Action<FieldReader, OpenSloReading> readInlineSpec)
    {
        var path = list.ItemPath(key, index);
        if (node is not YamlMapping mapping)
        {
            reading.Findings.Add(SloRules.WrongValueType, node.Span, $"{path} must be a mapping, not {node.Describe()}.");
            return;
        }

        var item = new FieldReader(reading.Findings, mapping, path, mapping.Span, [referenceField, .. InlineFields]);
        var isReference = item.Has(referenceField);
        var isInline = item.Has("kind") || item.Has("metadata") || item.Has("spec");
        if (isReference == isInline)
        {
            reading.Findings.Add(
                SloRules.ConflictingFields,
                mapping.Span,
                isReference
                    ? $"{path} sets {referenceField} and an inline {kind}; use exactly one of them."
                    : $"{path} needs either {referenceField} or an inline {kind} (kind, metadata, spec).");
            return;
        }

        if (isReference)
        {
            if (OpenSloFields.Reference(item, referenceField, kind, required: true) is { } reference)
            {
                reading.Catalog.References.Add(reference);
            }

            return;
        }

        var inlineKind = item.Text("kind", required: true);
        if (inlineKind is not null && inlineKind.Value != kind.ToString())
        {
            reading.Findings.Add(SloRules.InvalidValue, inlineKind.Span, $"{item.PathOf("kind")} must be {kind}, not '{inlineKind.Value}'.");
        }

        var metadata = OpenSloFields.Metadata(item);
        if (kind == OpenSloKind.AlertPolicy && metadata.Name is not null)
        {
            reading.CollectRunbooks(metadata, "alert " + metadata.Name.Value, metadata.Name.Span);
        }

        readInlineSpec(item, reading);
    }

    /// <summary>Where a missing runbook or category is reported for an object: its name, else its document.</summary>
    public static SourceSpan NameOrOwner(ObjectMetadata metadata, FieldReader owner) => metadata.Name?.Span ?? owner.Owner;
}
