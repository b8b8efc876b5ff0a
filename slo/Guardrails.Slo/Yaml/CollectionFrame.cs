using System;
using System.Collections.Generic;
using Guardrails.Slo.Diagnostics;
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

    public YamlNode Build(SourceSpan span) => isMapping ? new YamlMapping(span, entries) : new YamlSequence(span, items);
}
