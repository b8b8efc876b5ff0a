using System;
using System.Collections.Generic;
using System.Globalization;
using Guardrails.Diagnostics;
using Guardrails.Slo.Yaml;

namespace Guardrails.Slo.Reading;

/// <summary>
/// Reads one mapping of a known shape: reports fields the format does not have (the reference decoders
/// reject unknown fields), and reads each field as the type the format gives it, reporting a missing
/// required field at the key that holds the mapping. Property paths in messages follow the reference
/// validators' style: <c>spec.objectives[0].target</c>.
/// </summary>
internal sealed class FieldReader
{
    private readonly FindingCollector findings;

    public FieldReader(FindingCollector findings, YamlMapping mapping, string path, SourceSpan owner, IReadOnlyCollection<string> knownFields, bool reportUnknownFields = true)
    {
        this.findings = findings;
        Mapping = mapping;
        Path = path;
        Owner = owner;
        if (!reportUnknownFields)
        {
            return;
        }

        foreach (var entry in mapping.Entries)
        {
            if (!Contains(knownFields, entry.Key.Value))
            {
                var suggestion = NameSuggestion.Closest(entry.Key.Value, knownFields);
                findings.Add(
                    SloRules.UnknownField,
                    entry.Key.Span,
                    suggestion is not null
                        ? $"{Describe(entry.Key.Value)} is not a field of {DescribeSelf()}; did you mean '{suggestion}'?"
                        : $"{Describe(entry.Key.Value)} is not a field of {DescribeSelf()}; known fields: {string.Join(", ", knownFields)}.");
            }
        }
    }

    public YamlMapping Mapping { get; }

    /// <summary>The property path of this mapping, empty at a document's root.</summary>
    public string Path { get; }

    /// <summary>Where to report a missing field: the key that holds this mapping, or the document start.</summary>
    public SourceSpan Owner { get; }

    public FindingCollector Findings => findings;

    public bool Has(string key) => Mapping[key] is { } node && !(node is YamlScalar { IsNull: true });

    public SourceSpan SpanOf(string key) => Mapping.KeyOf(key)?.Span ?? Owner;

    public string PathOf(string key) => Path.Length == 0 ? key : Path + "." + key;

    public void ReportMissing(string key, string why = "")
    {
        findings.Add(SloRules.MissingField, Owner, $"{PathOf(key)} is required{why}. Add it to {DescribeSelf()}.");
    }

    public TextValue? Text(string key, bool required = false)
    {
        var node = Mapping[key];
        if (node is null || node is YamlScalar { IsNull: true })
        {
            if (required)
            {
                ReportMissing(key);
            }

            return null;
        }

        if (node is not YamlScalar scalar)
        {
            WrongType(key, node, "a string");
            return null;
        }

        if (required && scalar.Value.Length == 0)
        {
            findings.Add(SloRules.MissingField, scalar.Span, $"{PathOf(key)} is required and must not be empty.");
            return null;
        }

        return new TextValue(scalar.Value, scalar.Span);
    }

    public NumberValue? Number(string key, bool required = false)
    {
        var node = Mapping[key];
        if (node is null || node is YamlScalar { IsNull: true })
        {
            if (required)
            {
                ReportMissing(key);
            }

            return null;
        }

        if (node is YamlScalar scalar && scalar.TryGetNumber(out var number) && !double.IsNaN(number) && !double.IsInfinity(number))
        {
            return new NumberValue(number, scalar.Span);
        }

        WrongType(key, node, "a number");
        return null;
    }

    public bool? Boolean(string key)
    {
        var node = Mapping[key];
        if (node is null || node is YamlScalar { IsNull: true })
        {
            return null;
        }

        if (node is YamlScalar scalar && scalar.TryGetBoolean(out var value))
        {
            return value;
        }

        WrongType(key, node, "true or false");
        return null;
    }

    public YamlMapping? Map(string key, bool required = false)
    {
        var node = Mapping[key];
        if (node is null || node is YamlScalar { IsNull: true })
        {
            if (required)
            {
                ReportMissing(key);
            }

            return null;
        }

        if (node is YamlMapping mapping)
        {
            return mapping;
        }

        WrongType(key, node, "a mapping");
        return null;
    }

    public YamlSequence? List(string key, bool required = false)
    {
        var node = Mapping[key];
        if (node is null || node is YamlScalar { IsNull: true })
        {
            if (required)
            {
                ReportMissing(key);
            }

            return null;
        }

        if (node is YamlSequence sequence)
        {
            return sequence;
        }

        WrongType(key, node, "a sequence");
        return null;
    }

    /// <summary>A reader for a nested mapping field, or null when it is absent or not a mapping.</summary>
    public FieldReader? Nested(string key, IReadOnlyCollection<string> knownFields, bool required = false, bool reportUnknownFields = true) =>
        Map(key, required) is { } mapping
            ? new FieldReader(findings, mapping, PathOf(key), SpanOf(key), knownFields, reportUnknownFields)
            : null;

    /// <summary>A string-to-string mapping (labels, annotations) with each key's position.</summary>
    public IReadOnlyList<KeyValuePair<TextValue, TextValue>> StringMap(string key)
    {
        var result = new List<KeyValuePair<TextValue, TextValue>>();
        if (Map(key) is not { } mapping)
        {
            return result;
        }

        foreach (var entry in mapping.Entries)
        {
            if (entry.Value is YamlScalar { IsNull: false } value)
            {
                result.Add(new KeyValuePair<TextValue, TextValue>(new TextValue(entry.Key.Value, entry.Key.Span), new TextValue(value.Value, value.Span)));
            }
            else
            {
                findings.Add(SloRules.WrongValueType, entry.Value.Span, $"{PathOf(key)}.{entry.Key.Value} must be a string, not {entry.Value.Describe()}.");
            }
        }

        return result;
    }

    public string ItemPath(string key, int index) => PathOf(key) + "[" + index.ToString(CultureInfo.InvariantCulture) + "]";

    private void WrongType(string key, YamlNode node, string expected)
    {
        findings.Add(SloRules.WrongValueType, node.Span, $"{PathOf(key)} must be {expected}, not {node.Describe()}.");
    }

    private string DescribeSelf() => Path.Length == 0 ? "the document" : "'" + Path + "'";

    private string Describe(string key) => "'" + PathOf(key) + "'";

    private static bool Contains(IReadOnlyCollection<string> known, string key)
    {
        foreach (var candidate in known)
        {
            if (string.Equals(candidate, key, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
