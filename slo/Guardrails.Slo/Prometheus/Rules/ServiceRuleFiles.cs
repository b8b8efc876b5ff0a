using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;

namespace Guardrails.Slo.Prometheus.Rules;

/// <summary>
/// The one writer of rule files, used by the MSBuild task and <c>guardrails rules</c> alike: one file per service,
/// <c>&lt;service&gt;.rules.yml</c>, whichever SLO files the service's SLOs came from, its SLOs ordered by name so
/// moving an SLO between files or renaming a file does not change the output. Same SLOs in, same bytes out.
/// </summary>
public static class ServiceRuleFiles
{
    public const string Extension = ".rules.yml";

    private static readonly UTF8Encoding Utf8WithoutBom = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>The files' names and texts, ordered by file name. The SLOs must be validated (see <see cref="RuleGenerationContract"/>).</summary>
    public static IReadOnlyList<ServiceRuleFile> Create(IEnumerable<PrometheusSlo> slos, RuleGeneratorInfo generator)
    {
        var ruleGenerator = new PrometheusRuleGenerator(generator);
        return (slos ?? throw new ArgumentNullException(nameof(slos)))
            .GroupBy(slo => slo.Service, StringComparer.Ordinal)
            .OrderBy(service => service.Key, StringComparer.Ordinal)
            .Select(service =>
            {
                var ordered = service.OrderBy(slo => slo.Name, StringComparer.Ordinal).ToList();
                var text = PrometheusRuleFileWriter.Write(ruleGenerator.Generate(ordered), generator);
                return new ServiceRuleFile(service.Key + Extension, text, ordered.Count);
            })
            .ToList();
    }

    /// <summary>
    /// Writes the files into <paramref name="directory"/> (created if missing) and returns their paths. A file whose
    /// text did not change keeps its timestamp, so whatever copies or deploys the rules incrementally sees no change.
    /// With <paramref name="removeStale"/>, rule files of services that no longer have SLOs are deleted.
    /// </summary>
    public static IReadOnlyList<string> Write(IReadOnlyList<ServiceRuleFile> files, string directory, bool removeStale)
    {
        if (files is null)
        {
            throw new ArgumentNullException(nameof(files));
        }

        Directory.CreateDirectory(directory);
        var written = new List<string>();
        foreach (var file in files)
        {
            var path = Path.Combine(directory, file.FileName);
            if (!File.Exists(path) || !string.Equals(File.ReadAllText(path), file.Text, StringComparison.Ordinal))
            {
                File.WriteAllText(path, file.Text, Utf8WithoutBom);
            }

            written.Add(path);
        }

        if (removeStale)
        {
            foreach (var stale in Directory.EnumerateFiles(directory, "*" + Extension).Except(written, StringComparer.Ordinal).ToList())
            {
                File.Delete(stale);
            }
        }

        return written;
    }
}
