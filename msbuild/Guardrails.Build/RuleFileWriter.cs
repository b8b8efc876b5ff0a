using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Guardrails.Slo.Prometheus;
using Guardrails.Slo.Prometheus.Rules;

namespace Guardrails.Build;

/// <summary>
/// Writes one Prometheus rule file per service (<c>&lt;service&gt;.rules.yml</c>) and removes the files of
/// services that no longer have SLOs. A file whose text did not change keeps its timestamp, so whatever
/// copies or deploys the rules incrementally sees no change.
/// </summary>
internal sealed class RuleFileWriter
{
    private const string Suffix = ".rules.yml";

    private readonly string directory;
    private readonly RuleGeneratorInfo generatorInfo;

    public RuleFileWriter(string directory, string version)
    {
        this.directory = directory;
        generatorInfo = new RuleGeneratorInfo(version);
    }

    public IReadOnlyList<string> Write(IReadOnlyList<PrometheusSlo> slos)
    {
        Directory.CreateDirectory(directory);
        var generator = new PrometheusRuleGenerator(generatorInfo);
        var written = new List<string>();
        foreach (var service in slos.GroupBy(slo => slo.Service, StringComparer.Ordinal).OrderBy(group => group.Key, StringComparer.Ordinal))
        {
            var path = Path.Combine(directory, service.Key + Suffix);
            var text = PrometheusRuleFileWriter.Write(generator.Generate(service), generatorInfo);
            if (!File.Exists(path) || !string.Equals(File.ReadAllText(path), text, StringComparison.Ordinal))
            {
                File.WriteAllText(path, text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            }

            written.Add(path);
        }

        foreach (var stale in Directory.EnumerateFiles(directory, "*" + Suffix).Except(written, StringComparer.Ordinal).ToList())
        {
            File.Delete(stale);
        }

        return written;
    }
}
