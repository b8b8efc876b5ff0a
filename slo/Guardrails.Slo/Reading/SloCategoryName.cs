using Guardrails.Slo.Prometheus;

namespace Guardrails.Slo.Reading;

/// <summary>The words that categorise an SLO for the team policy: availability, latency, other.</summary>
internal static class SloCategoryName
{
    public static SloCategory Parse(TextValue text, FindingCollector findings, bool specOnly)
    {
        switch (text.Value.Trim().ToUpperInvariant())
        {
            case "AVAILABILITY":
                return SloCategory.Availability;
            case "LATENCY":
                return SloCategory.Latency;
            case "OTHER":
                return SloCategory.Other;
            default:
                if (!specOnly)
                {
                    var suggestion = NameSuggestion.Closest(text.Value.Trim().ToLowerInvariant(), ["availability", "latency", "other"]);
                    findings.Add(
                        SloRules.MissingCategory,
                        text.Span,
                        $"Category '{text.Value}' is not one of availability, latency, other{(suggestion is null ? "." : $"; did you mean '{suggestion}'?")}");
                }

                return SloCategory.Unspecified;
        }
    }
}
