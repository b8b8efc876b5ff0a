using Guardrails.Diagnostics;

namespace Guardrails.Slo.Yaml;

/// <summary>
/// A YAML node with where it is written. Built from YamlDotNet's parser events rather than its
/// representation model, so depth, aliases and duplicate keys are bounded and reported, never thrown.
/// </summary>
internal abstract class YamlNode
{
    protected YamlNode(SourceSpan span) => Span = span;

    public SourceSpan Span { get; }

    /// <summary>How the node reads in a message: "a mapping", "a sequence", "the string \"x\"".</summary>
    public abstract string Describe();
}
