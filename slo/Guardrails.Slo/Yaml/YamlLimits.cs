namespace Guardrails.Slo.Yaml;

/// <summary>
/// Bounds that keep hostile or broken input cheap. Real SLO documents are a few hundred nodes deep at most
/// a dozen levels; these limits are two orders of magnitude above that.
/// </summary>
internal static class YamlLimits
{
    public const int MaxDepth = 64;

    /// <summary>Nodes in one document counting every alias expansion: what stops a "billion laughs".</summary>
    public const long MaxExpandedNodes = 100_000;
}
