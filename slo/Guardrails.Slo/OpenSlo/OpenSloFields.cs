using System;
using System.Collections.Generic;
using System.Globalization;
using Guardrails.Slo.Reading;
using Guardrails.Slo.Yaml;

namespace Guardrails.Slo.OpenSlo;

/// <summary>
/// The field types every OpenSLO object shares (names, references, durations, descriptions, operators,
/// metadata), validated as the OpenSLO go-sdk validates them.
/// </summary>
internal static class OpenSloFields
{
    public const int MaxDescriptionLength = 1050;

    public const int MaxDisplayNameLength = 63;

    public static readonly string[] MetadataFields = ["name", "displayName", "labels", "annotations"];

    public static readonly string[] Operators = ["gt", "lt", "gte", "lte"];

    public static TextValue? Name(FieldReader reader, string key, bool required)
    {
        var name = reader.Text(key, required);
        if (name is not null && !OpenSloNames.IsDnsLabel(name.Value))
        {
            reader.Findings.Add(
                SloRules.InvalidName,
                name.Span,
                $"{reader.PathOf(key)} '{name.Value}' is not an RFC 1123 label: use at most 63 lower-case letters, digits and '-', starting and ending with a letter or digit (e.g. 'checkout-availability').");
            return null;
        }

        return name;
    }

    public static OpenSloReference? Reference(FieldReader reader, string key, OpenSloKind kind, bool required = false) =>
        Name(reader, key, required) is { } name ? new OpenSloReference(kind, name, reader.PathOf(key)) : null;

    public static void Description(FieldReader reader, string key = "description", int maxLength = MaxDescriptionLength)
    {
        var text = reader.Text(key);
        if (text is not null && CharacterCount(text.Value) > maxLength)
        {
            reader.Findings.Add(
                SloRules.TextTooLong,
                text.Span,
                FormattableString.Invariant($"{reader.PathOf(key)} has {CharacterCount(text.Value)} characters; at most {maxLength} are allowed. Shorten it."));
        }
    }

    public static DurationShorthand? Duration(FieldReader reader, string key, bool required)
    {
        var text = reader.Text(key, required);
        if (text is null)
        {
            return null;
        }

        if (DurationShorthand.TryParse(text.Value, out var duration))
        {
            return duration;
        }

        reader.Findings.Add(
            SloRules.InvalidDuration,
            text.Span,
            $"{reader.PathOf(key)} '{text.Value}' is not a duration: write a whole number and one unit of m, h, d, w, M, Q, Y (e.g. '28d', '1w').");
        return null;
    }

    public static string? Operator(FieldReader reader, string key, bool required)
    {
        var text = reader.Text(key, required);
        if (text is null)
        {
            return null;
        }

        if (Array.IndexOf(Operators, text.Value) >= 0)
        {
            return text.Value;
        }

        reader.Findings.Add(SloRules.InvalidValue, text.Span, $"{reader.PathOf(key)} '{text.Value}' must be one of gt, lt, gte, lte.");
        return null;
    }

    /// <summary>Reads a value that must be one of a fixed set, compared as the go-sdk does: exactly, case included.</summary>
    public static string? OneOf(FieldReader reader, string key, bool required, params string[] allowed)
    {
        var text = reader.Text(key, required);
        if (text is null)
        {
            return null;
        }

        if (Array.IndexOf(allowed, text.Value) >= 0)
        {
            return text.Value;
        }

        var suggestion = NameSuggestion.Closest(text.Value, allowed);
        reader.Findings.Add(
            SloRules.InvalidValue,
            text.Span,
            $"{reader.PathOf(key)} '{text.Value}' must be one of {string.Join(", ", allowed)}{(suggestion is null ? "." : $"; did you mean '{suggestion}'?")}");
        return null;
    }

    public static ObjectMetadata Metadata(FieldReader owner)
    {
        var metadata = owner.Nested("metadata", MetadataFields, required: true);
        if (metadata is null)
        {
            return new ObjectMetadata(null, null, [], new Dictionary<string, string>());
        }

        var writtenName = metadata.Mapping["name"] is YamlScalar { IsNull: false } scalar ? new TextValue(scalar.Value, scalar.Span) : null;
        var name = Name(metadata, "name", required: true);
        var displayName = metadata.Text("displayName");
        if (displayName is not null && CharacterCount(displayName.Value) > MaxDisplayNameLength)
        {
            metadata.Findings.Add(
                SloRules.TextTooLong,
                displayName.Span,
                FormattableString.Invariant($"{metadata.PathOf("displayName")} has {CharacterCount(displayName.Value)} characters; at most {MaxDisplayNameLength} are allowed."));
        }

        var labels = Labels(metadata);
        var annotations = Annotations(metadata);
        return new ObjectMetadata(name, writtenName, annotations, labels);
    }

    /// <summary>
    /// Annotations as the go-sdk decodes them into a map of strings (objects.go, Annotations): a value is text, and
    /// null is an empty value; a number, a boolean or a collection is refused.
    /// </summary>
    private static List<KeyValuePair<TextValue, TextValue>> Annotations(FieldReader metadata)
    {
        var annotations = new List<KeyValuePair<TextValue, TextValue>>();
        if (metadata.Map("annotations") is not { } mapping)
        {
            return annotations;
        }

        foreach (var entry in mapping.Entries)
        {
            if (!OpenSloNames.IsAnnotationKey(entry.Key.Value))
            {
                metadata.Findings.Add(
                    SloRules.InvalidName,
                    entry.Key.Span,
                    $"Annotation key '{entry.Key.Value}' is not valid: use an optional DNS prefix and '/', then a name of letters, digits, '-', '_' and '.' (e.g. 'guardrails.dev/runbook').");
            }

            if (IsText(entry.Value, metadata, metadata.PathOf("annotations") + "." + entry.Key.Value) is { } value)
            {
                annotations.Add(new KeyValuePair<TextValue, TextValue>(new TextValue(entry.Key.Value, entry.Key.Span), value));
            }
        }

        return annotations;
    }

    /// <summary>A string value as JSON decoding into a Go string sees it: text, or null (left out); anything else is reported.</summary>
    private static TextValue? IsText(YamlNode node, FieldReader owner, string path)
    {
        switch (node)
        {
            case YamlScalar { IsNull: true }:
                return null;
            case YamlScalar { IsString: true } text:
                return new TextValue(text.Value, text.Span);
            default:
                owner.Findings.Add(SloRules.WrongValueType, node.Span, $"{path} must be a string, not {node.Describe()}; quote it if it is meant as text.");
                return null;
        }
    }

    /// <summary>Characters as the go-sdk counts them (govy's StringMaxLength: Unicode code points, utf8.RuneCountInString),
    /// not UTF-16 code units, so an emoji counts once.</summary>
    public static int CharacterCount(string text)
    {
        var count = 0;
        for (var index = 0; index < text.Length; index++)
        {
            if (!char.IsLowSurrogate(text[index]) || index == 0 || !char.IsHighSurrogate(text[index - 1]))
            {
                count++;
            }
        }

        return count;
    }

    private static Dictionary<string, string> Labels(FieldReader metadata)
    {
        var singleValued = new Dictionary<string, string>(StringComparer.Ordinal);
        if (metadata.Map("labels") is not { } labels)
        {
            return singleValued;
        }

        foreach (var entry in labels.Entries)
        {
            var path = metadata.PathOf("labels") + "." + entry.Key.Value;
            if (!OpenSloNames.IsLabelKey(entry.Key.Value))
            {
                metadata.Findings.Add(
                    SloRules.InvalidName,
                    entry.Key.Span,
                    $"Label key '{entry.Key.Value}' is not valid: use at most 63 letters, digits, '-', '_' and '.', starting and ending with a letter or digit.");
            }

            // A label is a string or a list of strings (objects.go, Label.UnmarshalJSON); null decodes to no value.
            switch (entry.Value)
            {
                case YamlScalar { IsNull: true }:
                    break;
                case YamlScalar scalar:
                    if (IsText(scalar, metadata, path) is { } value)
                    {
                        singleValued[entry.Key.Value] = value.Value;
                    }

                    break;
                case YamlSequence values:
                    for (var index = 0; index < values.Items.Count; index++)
                    {
                        IsText(values.Items[index], metadata, string.Format(CultureInfo.InvariantCulture, "{0}[{1}]", path, index));
                    }

                    break;
                default:
                    metadata.Findings.Add(SloRules.WrongValueType, entry.Value.Span, $"{path} must be a string or a list of strings, not {entry.Value.Describe()}.");
                    break;
            }
        }

        return singleValued;
    }
}
