using Guardrails.Diagnostics;
using Guardrails.Slo.Prometheus;

namespace Guardrails.Slo.Policy;

/// <summary>An SLO as the service policy sees it: whose it is, what it measures, where its service is named.</summary>
internal sealed record CategorisedSlo(string Service, SloCategory Category, SourceSpan ServiceSpan);
