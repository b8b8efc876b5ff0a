using System.Collections.Generic;

namespace Guardrails.Pipelines.Yaml;

/// <summary>A block sequence; <see cref="Flow"/> writes it on one line (<c>[10, 25, 50, 100]</c>).</summary>
public sealed class YamlSequence : YamlNode
{
    private readonly List<YamlNode> items = [];

    public YamlSequence(bool flow = false)
    {
        Flow = flow;
    }

    public bool Flow { get; }

    public IReadOnlyList<YamlNode> Items => items;

    public YamlSequence Add(YamlNode item)
    {
        items.Add(item);
        return this;
    }

    public YamlSequence AddRange(IEnumerable<YamlNode> newItems)
    {
        items.AddRange(newItems);
        return this;
    }
}
