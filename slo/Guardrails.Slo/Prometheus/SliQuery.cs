namespace Guardrails.Slo.Prometheus;

/// <summary>
/// How to compute the SLI's error ratio in PromQL. Queries contain Sloth's <c>{{.window}}</c> placeholder
/// where the range goes (<c>rate(x[{{.window}}])</c>); the generator and the gate substitute it.
/// </summary>
public abstract record SliQuery
{
    private SliQuery()
    {
    }

    /// <summary>Error ratio = errors / total (Sloth's <c>events</c>; OpenSLO ratio metrics map here,
    /// a good-events query becoming <c>total - good</c>).</summary>
    public sealed record Events(string ErrorQuery, string TotalQuery) : SliQuery;

    /// <summary>A query that already returns the error ratio (Sloth's <c>raw</c>).</summary>
    public sealed record Raw(string ErrorRatioQuery) : SliQuery;

    public const string WindowPlaceholder = "{{.window}}";
}
