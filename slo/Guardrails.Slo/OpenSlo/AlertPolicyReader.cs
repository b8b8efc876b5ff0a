using System.Globalization;
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

    /// <returns>The severity of the policy's condition when written inline, and the condition reference otherwise.</returns>
    public static PolicyCondition? ReadPolicySpec(FieldReader owner, OpenSloReading reading)
    {
        var spec = owner.Nested("spec", PolicySpecFields, required: true);
        string? severity = null;
        string? conditionRef = null;
        if (spec is null)
        {
            return null;
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
                var condition = ReadItem(spec, "conditions", index, conditions.Items[index], "conditionRef", OpenSloKind.AlertCondition, reading, ReadConditionSpec);
                severity ??= condition.Inline;
                conditionRef ??= condition.Reference?.Name.Value;
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

        return new PolicyCondition(severity, conditionRef);
    }

    /// <returns>The condition's severity.</returns>
    public static string? ReadConditionSpec(FieldReader owner, OpenSloReading reading)
    {
        var spec = owner.Nested("spec", ConditionSpecFields, required: true);
        if (spec is null)
        {
            return null;
        }

        OpenSloFields.Description(spec);
        var severity = spec.Text("severity", required: true)?.Value;
        var condition = spec.Nested("condition", ConditionFields, required: true);
        if (condition is null)
        {
            return severity;
        }

        var kind = condition.Text("kind", required: true);
        if (kind is not null && kind.Value != "burnrate")
        {
            reading.Findings.Add(SloRules.InvalidAlertCondition, kind.Span, $"{condition.PathOf("kind")} '{kind.Value}' is not supported; OpenSLO v1 defines 'burnrate'.");
            return severity;
        }

        if (kind is not null)
        {
            OpenSloFields.Operator(condition, "op", required: true);
            condition.Number("threshold", required: true);
            OpenSloFields.Duration(condition, "lookbackWindow", required: true);
            OpenSloFields.Duration(condition, "alertAfter", required: false);
        }

        return severity;
    }

    /// <returns>The notification target.</returns>
    public static string? ReadTargetSpec(FieldReader owner, OpenSloReading reading)
    {
        var spec = owner.Nested("spec", TargetSpecFields, required: true);
        if (spec is null)
        {
            return null;
        }

        OpenSloFields.Description(spec);
        return spec.Text("target", required: true)?.Value;
    }

    /// <summary>
    /// One entry of a list that holds either a reference (<paramref name="referenceField"/>) or an inline
    /// object (kind, metadata, spec), never both.
    /// </summary>
    /// <returns>The reference, or the inline object's metadata and what its spec reader returned.</returns>
    public static ListItem<T> ReadItem<T>(
        FieldReader list,
        string key,
        int index,
        YamlNode node,
        string referenceField,
        OpenSloKind kind,
        OpenSloReading reading,
        System.Func<FieldReader, OpenSloReading, T?> readInlineSpec)
        where T : notnull
    {
        var path = list.ItemPath(key, index);
        if (node is not YamlMapping mapping)
        {
            reading.Findings.Add(SloRules.WrongValueType, node.Span, $"{path} must be a mapping, not {node.Describe()}.");
            return ListItem<T>.None;
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
            return ListItem<T>.None;
        }

        if (isReference)
        {
            var reference = OpenSloFields.Reference(item, referenceField, kind, required: true);
            if (reference is not null)
            {
                reading.Catalog.References.Add(reference);
            }

            return new ListItem<T>(reference, null, default);
        }

        var inlineKind = item.Text("kind", required: true);
        if (inlineKind is not null && inlineKind.Value != kind.ToString())
        {
            reading.Findings.Add(SloRules.InvalidValue, inlineKind.Span, $"{item.PathOf("kind")} must be {kind}, not '{inlineKind.Value}'.");
        }

        var metadata = OpenSloFields.Metadata(item);
        return new ListItem<T>(null, metadata, readInlineSpec(item, reading));
    }
}
