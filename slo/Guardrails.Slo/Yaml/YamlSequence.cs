using System.Collections.Generic;
using Guardrails.Diagnostics;

namespace Guardrails.Slo.Yaml;

internal sealed class YamlSequence : YamlNode
{
    public YamlSequence(SourceSpan span, IReadOnlyList<YamlNode> items)
        : base(span) => Items = items;

    public IReadOnlyList<YamlNode> Items { get; }

    public override string Describe() => "a sequence";
}
