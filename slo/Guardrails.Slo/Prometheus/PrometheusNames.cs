using System.Text.RegularExpressions;

namespace Guardrails.Slo.Prometheus;

/// <summary>Prometheus' classic label-name rule, which every Prometheus version accepts.</summary>
internal static class PrometheusNames
{
    private static readonly Regex LabelName = new("^[a-zA-Z_][a-zA-Z0-9_]*$", RegexOptions.CultureInvariant);

    public static bool IsLabelName(string name) => LabelName.IsMatch(name) && !name.StartsWith("__", System.StringComparison.Ordinal);
}
