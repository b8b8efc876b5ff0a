using System.Linq;
using Guardrails.Slo.Prometheus;
using Guardrails.Slo.Reading;

namespace Guardrails.Slo.Sloth;

/// <summary>Reads a Sloth SLO's <c>sli</c>: events (error and total queries), raw (an error ratio query) or a plugin.</summary>
internal static class SlothSliReader
{
    private static readonly string[] SliFields = ["events", "raw", "plugin"];
    private static readonly string[] EventsFields = ["error_query", "total_query"];
    private static readonly string[] RawFields = ["error_ratio_query"];
    private static readonly string[] PluginFields = ["id", "options"];

    /// <summary>The SLI's queries, or <see langword="null"/> when it has none (reported, or a <paramref name="plugin"/>).</summary>
    public static SliQuery? Read(FieldReader slo, SlothReading reading, out SlothPluginSli? plugin)
    {
        plugin = null;
        var specOnly = reading.SpecOnly;
        var sli = slo.Nested("sli", SliFields, required: true, reportUnknownFields: !specOnly);
        if (sli is null)
        {
            return null;
        }

        var kinds = SliFields.Where(sli.Has).ToArray();
        if (kinds.Length != 1)
        {
            reading.Findings.Add(
                SloRules.InvalidIndicatorMetric,
                sli.Owner,
                kinds.Length == 0
                    ? $"{sli.Path} needs one SLI type: events (error_query and total_query), raw (error_ratio_query) or plugin."
                    : $"{sli.Path} sets {string.Join(" and ", kinds)}; only one SLI type is allowed.");
            return null;
        }

        if (sli.Nested("events", EventsFields, reportUnknownFields: !specOnly) is { } events)
        {
            var error = Query(events, "error_query", reading);
            var total = Query(events, "total_query", reading);
            if (error is not null && total is not null && error.Value == total.Value)
            {
                reading.Findings.Add(SloRules.InvalidIndicatorMetric, total.Span, $"{events.Path}: error_query and total_query are the same; the error ratio would always be 1.");
                return null;
            }

            return error is null || total is null ? null : new SliQuery.Events(error.Value, total.Value);
        }

        if (sli.Nested("raw", RawFields, reportUnknownFields: !specOnly) is { } raw)
        {
            var ratio = Query(raw, "error_ratio_query", reading);
            return ratio is null ? null : new SliQuery.Raw(ratio.Value);
        }

        if (sli.Nested("plugin", PluginFields, reportUnknownFields: !specOnly) is { } pluginFields)
        {
            pluginFields.Text("id", required: true);
            pluginFields.Map("options");
            plugin = new SlothPluginSli(sli.PathOf("plugin"), sli.SpanOf("plugin"));
        }

        return null;
    }

    private static TextValue? Query(FieldReader owner, string key, SlothReading reading)
    {
        var query = owner.Text(key, required: true);
        if (query is not null && !SlothConventions.HasWindowVariable(query.Value))
        {
            reading.Findings.Add(
                SloRules.QueryWithoutWindow,
                query.Span,
                $"{owner.PathOf(key)} must contain the {{{{.window}}}} variable where the range goes, e.g. rate(http_requests_total[{{{{.window}}}}]).");
            return null;
        }

        if (query is not null && QueryBrackets.FirstUnbalanced(query.Value) is { } unbalanced)
        {
            reading.Findings.Add(SloRules.UnbalancedQuery, query.Span, $"{owner.PathOf(key)} is not a PromQL expression: {unbalanced}.");
            return null;
        }

        if (query is not null && QueryWindow.FirstLiteralRange(query.Value) is { } literal)
        {
            reading.Findings.Add(
                SloRules.QueryMixesRanges,
                query.Span,
                $"{owner.PathOf(key)} uses {{{{.window}}}} and also the fixed range {literal}; the fixed part does not follow the alert window, so each window's ratio mixes two windows. Write {{{{.window}}}} in every range selector.");
        }

        return query;
    }
}
