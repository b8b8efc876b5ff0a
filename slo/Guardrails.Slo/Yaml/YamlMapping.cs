using System.Collections.Generic;
using Guardrails.Diagnostics;

namespace Guardrails.Slo.Yaml;

/// <summary>A mapping whose keys are scalars, in document order, each key kept with its position.</summary>
internal sealed class YamlMapping : YamlNode
{
    public YamlMapping(SourceSpan span, IReadOnlyList<KeyValuePair<YamlScalar, YamlNode>> entries)
        : base(span) => Entries = entries;

    public IReadOnlyList<KeyValuePair<YamlScalar, YamlNode>> Entries { get; }

    public YamlNode? this[string key]
    {
        get
        {
            foreach (var entry in Entries)
            {
                if (entry.Key.Value == key)
                {
                    return entry.Value;
                }
            }

            return null;
        }
    }

    public YamlScalar? KeyOf(string key)
    {
        foreach (var entry in Entries)
        {
            if (entry.Key.Value == key)
            {
                return entry.Key;
            }
        }

        return null;
    }

    public override string Describe() => "a mapping";
}
