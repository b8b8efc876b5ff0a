using Guardrails.Slo.Prometheus;
using Guardrails.Slo.Reading;

namespace Guardrails.Slo.OpenSlo;

/// <summary>Reads an SLI's <c>spec</c> (an SLI object's or an inline indicator's) with the go-sdk's rules.</summary>
internal static class SliSpecReader
{
    private static readonly string[] SpecFields = ["description", "thresholdMetric", "ratioMetric"];
    private static readonly string[] RatioFields = ["counter", "good", "bad", "total", "rawType", "raw"];
    private static readonly string[] MetricFields = ["metricSource"];
    private static readonly string[] SourceFields = ["metricSourceRef", "type", "spec"];

    public static SliSpec? Read(FieldReader owner, OpenSloReading reading)
    {
        var spec = owner.Nested("spec", SpecFields, required: true);
        if (spec is null)
        {
            return null;
        }

        OpenSloFields.Description(spec);
        var hasThreshold = spec.Has("thresholdMetric");
        var hasRatio = spec.Has("ratioMetric");
        if (hasThreshold == hasRatio)
        {
            reading.Findings.Add(
                SloRules.InvalidIndicatorMetric,
                spec.Owner,
                hasThreshold
                    ? $"{spec.Path} sets both thresholdMetric and ratioMetric; an SLI has exactly one of them. Remove one."
                    : $"{spec.Path} needs exactly one of thresholdMetric or ratioMetric. Add one.");
        }

        var threshold = Metric(spec, "thresholdMetric", reading);
        var ratio = spec.Nested("ratioMetric", RatioFields) is { } ratioReader ? Ratio(ratioReader, reading) : null;
        return new SliSpec(threshold, ratio);
    }

    private static RatioMetric Ratio(FieldReader ratio, OpenSloReading reading)
    {
        ratio.Boolean("counter");
        var hasTotal = ratio.Has("total");
        var hasRaw = ratio.Has("raw");
        var hasGood = ratio.Has("good");
        var hasBad = ratio.Has("bad");
        if (hasTotal == hasRaw)
        {
            reading.Findings.Add(
                SloRules.InvalidIndicatorMetric,
                ratio.Owner,
                hasTotal
                    ? $"{ratio.Path} sets both total and raw; use good or bad with total, or raw alone."
                    : $"{ratio.Path} needs either total (with good or bad) or raw (with rawType).");
        }
        else if (hasRaw && (hasGood || hasBad))
        {
            reading.Findings.Add(
                SloRules.InvalidIndicatorMetric,
                ratio.SpanOf(hasGood ? "good" : "bad"),
                $"{ratio.Path} sets raw together with {(hasGood ? "good" : "bad")}; a raw ratio stands alone. Remove one.");
        }
        else if (hasTotal && hasGood == hasBad)
        {
            reading.Findings.Add(
                SloRules.InvalidIndicatorMetric,
                ratio.Owner,
                hasGood
                    ? $"{ratio.Path} sets both good and bad; a ratio uses exactly one of them over total."
                    : $"{ratio.Path} needs good or bad next to total.");
        }

        string? rawType = null;
        if (hasRaw)
        {
            rawType = OpenSloFields.OneOf(ratio, "rawType", required: true, "success", "failure");
        }

        return new RatioMetric(
            Metric(ratio, "good", reading),
            Metric(ratio, "bad", reading),
            Metric(ratio, "total", reading),
            Metric(ratio, "raw", reading),
            rawType);
    }

    private static MetricSource? Metric(FieldReader owner, string key, OpenSloReading reading)
    {
        var metric = owner.Nested(key, MetricFields);
        if (metric is null)
        {
            return null;
        }

        var source = metric.Nested("metricSource", SourceFields, required: true);
        if (source is null)
        {
            return null;
        }

        // The go-sdk skips an empty metricSourceRef (OmitEmpty), so "" is no reference rather than a bad name.
        var sourceRef = source.Mapping["metricSourceRef"] is Yaml.YamlScalar { Value.Length: 0 }
            ? null
            : OpenSloFields.Reference(source, "metricSourceRef", OpenSloKind.DataSource);
        if (sourceRef is not null)
        {
            reading.Catalog.References.Add(sourceRef);
        }

        var type = source.Text("type");

        // The metric's own spec belongs to its data source type, so its fields are not checked here.
        var spec = source.Map("spec", required: true);
        TextValue? query = null;
        if (spec is not null && spec.Entries.Count == 0)
        {
            reading.Findings.Add(SloRules.MissingField, spec.Span, $"{source.PathOf("spec")} must have at least one entry (for Prometheus: query).");
        }
        else if (spec is not null)
        {
            var specReader = new FieldReader(reading.Findings, spec, source.PathOf("spec"), source.SpanOf("spec"), [], reportUnknownFields: false);
            query = spec["query"] is Yaml.YamlScalar ? specReader.Text("query") : null;
            if (query is not null && QueryBrackets.FirstUnbalanced(query.Value) is { } unbalanced)
            {
                reading.Findings.Add(SloRules.UnbalancedQuery, query.Span, $"{specReader.PathOf("query")} is not a PromQL expression: {unbalanced}.");
                query = null;
            }
        }

        return new MetricSource(type, sourceRef, query, metric.Owner);
    }
}
