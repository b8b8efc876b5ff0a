using System;
using Guardrails.Slo.Prometheus;

namespace Guardrails.Slo.OpenSlo;

/// <summary>
/// Maps an OpenSLO SLO whose SLI is a Prometheus ratio metric to Sloth's model: bad/total becomes
/// errors/total, good/total becomes (total - good)/total, a raw failure ratio is the error ratio and a raw
/// success ratio becomes 1 - raw. Each query's range selectors become <c>{{.window}}</c>.
/// </summary>
internal static class OpenSloPrometheusMapper
{
    public static readonly TimeSpan DefaultTimeWindow = TimeSpan.FromDays(30);

    public static PrometheusSlo? Map(SloDefinition slo, OpenSloCatalog catalog, out string? reason)
    {
        reason = null;
        if (slo.Objectives.Count != 1 || slo.Objectives[0] is not { Ratio: { } objective } written)
        {
            reason = slo.Objectives.Count == 0
                ? "it has no objective."
                : "it has several objectives (a composite or multi-threshold SLO); Sloth-style rules take exactly one target. Split it into one SLO per objective.";
            return null;
        }

        var sli = slo.Indicator?.Inline ?? (slo.Indicator?.Reference is { } reference ? catalog.FindSli(reference.Name.Value) : null);
        if (sli is null)
        {
            // A missing or broken SLI is reported where it is named or declared; a warning here would repeat it.
            return null;
        }

        var query = Query(sli, catalog, out reason);
        if (query is null)
        {
            return null;
        }

        var (page, ticket) = OpenSloAlertMapper.Map(slo, catalog);
        return new PrometheusSlo
        {
            Service = slo.Service.Value,
            Name = slo.Name.Value,
            Objective = objective,
            TimeWindow = slo.TimeWindow ?? DefaultTimeWindow,
            TimeWindowSource = slo.TimeWindow is null ? null : slo.TimeWindowSpan,
            ObjectiveSource = written.TargetSpan ?? written.Span,
            Sli = query,
            Category = slo.Category,
            Description = slo.Description,
            RunbookUrl = slo.RunbookUrl,
            Labels = slo.Labels,
            PageAlert = page,
            TicketAlert = ticket,
            Source = slo.Span,
        };
    }

    private static SliQuery? Query(SliSpec sli, OpenSloCatalog catalog, out string? reason)
    {
        reason = null;
        if (sli.Ratio is not { } ratio)
        {
            reason = "its SLI is a threshold metric; only ratio metrics translate to an error ratio. Express it as good (or bad) over total events, e.g. requests faster than the threshold over all requests.";
            return null;
        }

        if (ratio.Raw is not null)
        {
            var raw = Template(ratio.Raw, "raw", catalog, ref reason);
            return raw is null ? null : new SliQuery.Raw(ratio.RawType == "success" ? "1 - (" + raw + ")" : raw);
        }

        var total = ratio.Total is null ? null : Template(ratio.Total, "total", catalog, ref reason);
        if (total is null)
        {
            return null;
        }

        if (ratio.Bad is not null)
        {
            var bad = Template(ratio.Bad, "bad", catalog, ref reason);
            return bad is null ? null : new SliQuery.Events(bad, total);
        }

        var good = ratio.Good is null ? null : Template(ratio.Good, "good", catalog, ref reason);
        return good is null ? null : new SliQuery.Events("(" + total + ") - (" + good + ")", total);
    }

    private static string? Template(MetricSource metric, string role, OpenSloCatalog catalog, ref string? reason)
    {
        if (metric.Type is null && metric.SourceRef is { } sourceRef && !catalog.IsDeclared(OpenSloKind.DataSource, sourceRef.Name.Value))
        {
            // The unresolved reference is the finding that matters.
            return null;
        }

        var type = metric.Type?.Value ?? (metric.SourceRef is { } declared ? catalog.FindDataSourceType(declared.Name.Value) : null);
        if (!string.Equals(type, "Prometheus", StringComparison.OrdinalIgnoreCase))
        {
            reason = $"its {role} metric comes from {(type is null ? "an unnamed source" : "'" + type + "'")}, not Prometheus.";
            return null;
        }

        if (metric.Query is null || metric.Query.Value.Trim().Length == 0)
        {
            reason = $"its {role} metric has no spec.query.";
            return null;
        }

        var template = QueryWindow.Templatize(metric.Query.Value.Trim());
        if (template is null)
        {
            reason = $"its {role} query has no range selector such as [5m]; Guardrails puts each alert window there ({SliQuery.WindowPlaceholder}). Write the query with a range, e.g. sum(rate(http_requests_total[5m])).";
        }

        return template;
    }
}
