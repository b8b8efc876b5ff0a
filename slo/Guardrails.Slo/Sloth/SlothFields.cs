using System;
using System.Collections.Generic;
using Guardrails.Slo.Prometheus;
using Guardrails.Slo.Reading;

namespace Guardrails.Slo.Sloth;

/// <summary>The fields every part of a Sloth spec shares: names, labels and annotations.</summary>
internal static class SlothFields
{
    /// <summary>Labels with a valid name and a value; the others are reported and left out.</summary>
    public static Dictionary<string, string> Labels(FieldReader owner, string key, SlothReading reading)
    {
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var label in owner.StringMap(key))
        {
            // sloth validate accepts any UTF-8 label name but __name__; the generated rules must also load
            // in Prometheus 2.x, which only takes classic names, so Guardrails' own policy asks for those.
            if (label.Key.Value == "__name__" || (!reading.SpecOnly && !PrometheusNames.IsLabelName(label.Key.Value)))
            {
                reading.Findings.Add(SloRules.InvalidName, label.Key.Span, $"Label key '{label.Key.Value}' in {owner.PathOf(key)} is not a valid Prometheus label name: use letters, digits and '_', not starting with a digit or '__'.");
            }
            else if (label.Value.Value.Length == 0)
            {
                reading.Findings.Add(SloRules.MissingField, label.Value.Span, $"Label '{label.Key.Value}' in {owner.PathOf(key)} needs a value.");
            }
            else
            {
                labels[label.Key.Value] = label.Value.Value;
            }
        }

        return labels;
    }

    /// <summary>The annotations as written; an empty key or value is reported.</summary>
    public static IReadOnlyList<KeyValuePair<TextValue, TextValue>> Annotations(FieldReader owner, string key, SlothReading reading)
    {
        var annotations = owner.StringMap(key);
        foreach (var annotation in annotations)
        {
            if (annotation.Key.Value.Length == 0)
            {
                reading.Findings.Add(SloRules.InvalidName, annotation.Key.Span, $"An annotation in {owner.PathOf(key)} has an empty key.");
            }
            else if (annotation.Value.Value.Length == 0)
            {
                reading.Findings.Add(SloRules.MissingField, annotation.Value.Span, $"Annotation '{annotation.Key.Value}' in {owner.PathOf(key)} needs a value.");
            }
        }

        return annotations;
    }

    /// <summary>The name, or <see langword="null"/> after reporting it when it is not a Sloth name.</summary>
    public static TextValue? Name(TextValue? name, string key, SlothReading reading, FieldReader? owner = null)
    {
        if (name is null || SlothConventions.IsName(name.Value))
        {
            return name;
        }

        reading.Findings.Add(
            SloRules.InvalidName,
            name.Span,
            $"{owner?.PathOf(key) ?? key} '{name.Value}' is not a valid Sloth name: start and end with a letter or digit, and use only letters, digits, '.', '_' and '-'.");
        return null;
    }
}
