using System;
using System.Collections.Generic;
using System.Linq;
using Guardrails.Slo.Prometheus;
using Guardrails.Slo.Prometheus.Rules;

namespace Guardrails.Cli.Commands.Rules;

/// <summary>
/// One rule file per service, <c>&lt;service&gt;.rules.yml</c>, whichever SLO files the service's SLOs came from:
/// a team loads or reviews its service's rules as one unit. SLOs are ordered by name, so moving an SLO between
/// files or renaming a file does not change the output.
/// </summary>
internal static class ServiceRuleFiles
{
    public const string Extension = ".rules.yml";

    /// <summary>File name → file text, ordered by file name.</summary>
    public static IReadOnlyList<(string FileName, string Text, int SloCount)> Create(IEnumerable<PrometheusSlo> slos, RuleGeneratorInfo generator)
    {
        var ruleGenerator = new PrometheusRuleGenerator(generator);
        return slos
            .GroupBy(slo => slo.Service, StringComparer.Ordinal)
            .OrderBy(service => service.Key, StringComparer.Ordinal)
            .Select(service =>
            {
                var ordered = service.OrderBy(slo => slo.Name, StringComparer.Ordinal).ToList();
                var text = PrometheusRuleFileWriter.Write(ruleGenerator.Generate(ordered), generator);
                return (service.Key + Extension, text, ordered.Count);
            })
            .ToList();
    }
}
