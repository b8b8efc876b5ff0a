using System.Collections.Generic;
using Guardrails.Slo.Policy;
using Guardrails.Slo.Prometheus;
using Guardrails.Slo.Reading;

namespace Guardrails.Slo.Sloth;

/// <summary>
/// Once every file is read, as <c>OpenSloResolver</c> does for OpenSLO: the SLOs the service policy sees, and each
/// sound SLO mapped to a <see cref="PrometheusSlo"/>.
/// </summary>
internal static class SlothResolver
{
    public static IEnumerable<CategorisedSlo> Categorised(SlothReading reading)
    {
        foreach (var slo in reading.Slos)
        {
            if (slo.Service is not null)
            {
                yield return new CategorisedSlo(slo.Service.Value, slo.Category, slo.Service.Span);
            }
        }
    }

    public static List<PrometheusSlo> Map(SlothReading reading, FindingCollector findings, bool reportUnmapped)
    {
        var result = new List<PrometheusSlo>();
        foreach (var slo in reading.Slos)
        {
            // A plugin SLI never has rules, whatever else is wrong with the SLO.
            if (slo.Plugin is { } plugin)
            {
                if (reportUnmapped)
                {
                    findings.Add(
                        SloRules.NotMappedToPrometheus,
                        plugin.Span,
                        $"{plugin.Path}: Guardrails does not run Sloth SLI plugins, so no rules are generated for this SLO. Write the queries as events or raw.");
                }

                continue;
            }

            if (slo.IsSound && SlothPrometheusMapper.Map(slo) is { } mapped)
            {
                result.Add(mapped);
            }
        }

        return result;
    }
}
