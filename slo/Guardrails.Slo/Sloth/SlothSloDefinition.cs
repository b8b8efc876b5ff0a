using System.Collections.Generic;
using Guardrails.Slo.Prometheus;
using Guardrails.Slo.Reading;

namespace Guardrails.Slo.Sloth;

/// <summary>
/// A Sloth SLO as read from its spec, before it is mapped to a <see cref="PrometheusSlo"/>. A part that was missing
/// or invalid is <see langword="null"/> (and reported where it is written).
/// </summary>
internal sealed record SlothSloDefinition
{
    public TextValue? Service { get; init; }

    public TextValue? Name { get; init; }

    /// <summary>The objective as written: a percentage in (0, 100].</summary>
    public NumberValue? Objective { get; init; }

    public string? Description { get; init; }

    /// <summary>The service's labels, overridden by the SLO's own.</summary>
    public required IReadOnlyDictionary<string, string> Labels { get; init; }

    public SloCategory Category { get; init; }

    public SliQuery? Sli { get; init; }

    /// <summary>The SLI names a Sloth plugin, which Guardrails does not run.</summary>
    public SlothPluginSli? Plugin { get; init; }

    public required SlothAlerting Alerting { get; init; }

    /// <summary>False when the SLO's own text had errors: it is checked, but not turned into rules.</summary>
    public bool IsSound { get; init; }
}
