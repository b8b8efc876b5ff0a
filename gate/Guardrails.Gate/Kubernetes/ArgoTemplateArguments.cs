using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using Guardrails.Gate.PromQl;

namespace Guardrails.Gate.Kubernetes;

/// <summary>
/// The Argo Rollouts template arguments a canary selector refers to (<c>{{args.canary-hash}}</c> in a matcher's
/// value), each with the value the example <c>Rollout</c> step passes: the canary's pod-template hash for a
/// pod-template-hash label, the Rollout's namespace for <c>namespace</c>, else the Rollout's own label of that name.
/// </summary>
internal static partial class ArgoTemplateArguments
{
    public static IReadOnlyList<(string Name, Dictionary<string, object> ValueFrom)> Of(LabelSelector selector) =>
        selector.Matchers
            .SelectMany(matcher => Placeholder().Matches(matcher.QuotedValue).Select(match => (Name: match.Groups["name"].Value, Label: matcher.Name)))
            .DistinctBy(argument => argument.Name)
            .Select(argument => (argument.Name, ValueFrom(argument.Label)))
            .ToList();

    private static Dictionary<string, object> ValueFrom(string label)
    {
        if (label.Replace('-', '_').Contains("pod_template_hash", System.StringComparison.Ordinal))
        {
            return new() { ["podTemplateHashValue"] = "Latest" };
        }

        var fieldPath = label == "namespace" ? "metadata.namespace" : $"metadata.labels['{label}']";
        return new() { ["fieldRef"] = new Dictionary<string, object> { ["fieldPath"] = fieldPath } };
    }

    [GeneratedRegex(@"\{\{\s*args\.(?<name>[A-Za-z0-9_.-]+)\s*\}\}")]
    private static partial Regex Placeholder();
}
