using System;
using System.Collections.Generic;
using System.Linq;
using Guardrails.Diagnostics;
using YamlDotNet.Core.Events;

namespace Guardrails.Slo.Yaml;

/// <summary>A sequence or mapping being read: its children so far, and for a mapping the keys seen.</summary>
internal sealed class CollectionFrame
{
    private readonly bool isMapping;
    private readonly List<YamlNode> items = [];
    private readonly List<KeyValuePair<YamlScalar, YamlNode>> entries = [];
    private readonly HashSet<string> keys = new(StringComparer.Ordinal);
    private YamlScalar? pendingKey;
    private bool expectingKey = true;

    public CollectionFrame(NodeEvent start, bool isMapping)
    {
        Start = start;
        this.isMapping = isMapping;
    }

    public NodeEvent Start { get; }

    /// <summary>Nodes below this one, aliases expanded.</summary>
    public long Weight { get; private set; } = 1;

    public YamlNode? NonScalarKey { get; set; }

    /// <returns>The key when it repeats an earlier key of this mapping.</returns>
    public YamlScalar? Add(YamlNode node, long weight)
    {
        Weight += weight;
        if (!isMapping)
        {
            items.Add(node);
            return null;
        }

        if (!expectingKey)
        {
            expectingKey = true;
            if (pendingKey is not null)
            {
                entries.Add(new KeyValuePair<YamlScalar, YamlNode>(pendingKey, node));
            }

            return null;
        }

        expectingKey = false;
        if (node is not YamlScalar key)
        {
            pendingKey = null;
            NonScalarKey = node;
            return null;
        }

        pendingKey = key;
        if (!keys.Add(key.Value))
        {
            pendingKey = null;
            return key;
        }

        return null;
    }

    public YamlNode Build(SourceSpan span) => isMapping ? new YamlMapping(span, WithMergedKeys()) : new YamlSequence(span, items);

    /// <summary>
    /// Applies YAML merge keys (<c>&lt;&lt;: *defaults</c>, or a list of aliases), which the Go decoders behind
    /// oslo and sloth honour: keys written in the mapping win, then earlier merged mappings.
    /// </summary>
    private List<KeyValuePair<YamlScalar, YamlNode>> WithMergedKeys()
    {
        if (!entries.Exists(IsMergeKey))
        {
            return entries;
        }

        var merges = entries.FindAll(IsMergeKey);

        var result = entries.FindAll(entry => !IsMergeKey(entry));
        var present = new HashSet<string>(result.Select(entry => entry.Key.Value), StringComparer.Ordinal);
        foreach (var merge in merges)
        {
            var sources = merge.Value switch
            {
                YamlMapping mapping => [mapping],
                YamlSequence sequence => sequence.Items.OfType<YamlMapping>().ToList(),
                _ => new List<YamlMapping>(),
            };
            foreach (var source in sources)
            {
                foreach (var entry in source.Entries)
                {
                    if (present.Add(entry.Key.Value))
                    {
                        result.Add(entry);
                    }
                }
            }
        }

        return result;
    }

    private static bool IsMergeKey(KeyValuePair<YamlScalar, YamlNode> entry) => entry.Key.IsPlain && entry.Key.Value == "<<";
}
