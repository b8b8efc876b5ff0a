using System.Text.RegularExpressions;
using Guardrails.Slo.Prometheus.Rules;

namespace Guardrails.Slo.Sloth;

/// <summary>Sloth's naming and query-template conventions (slok/sloth <c>pkg/common/conventions</c>).</summary>
internal static class SlothConventions
{
    public const string Version = "prometheus/v1";

    /// <summary>The SLO label Guardrails reads the category from (a valid Prometheus label name, so it may travel to the rules).</summary>
    public const string CategoryLabel = "guardrails_category";

    public static readonly string[] RunbookAnnotations = ["runbook_url", "runbook"];

    private static readonly Regex Name = new("^[A-Za-z0-9][-A-Za-z0-9_.]*[A-Za-z0-9]$", RegexOptions.CultureInvariant);

    public static bool IsName(string name) => Name.IsMatch(name);

    /// <summary>The renderer's own test, so a query the validator accepts is one the generator and the gate can render.</summary>
    public static bool HasWindowVariable(string query) => SliQueryRenderer.HasWindow(query);
}
