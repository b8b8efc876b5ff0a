using System.Collections.Generic;
using System.IO;
using YamlDotNet.Serialization;

namespace Guardrails.Gate.Kubernetes;

/// <summary>
/// Writes manifests (nested maps in the order the controllers document their fields) as one YAML stream,
/// documents separated by <c>---</c>, after a header saying where they came from.
/// </summary>
internal static class ManifestYaml
{
    private static readonly ISerializer Serializer = new SerializerBuilder()
        // Values such as "on", "yes" or "0" stay strings for every YAML 1.1 reader (kubectl's included).
        .WithQuotingNecessaryStrings(quoteYaml1_1Strings: true)
        .WithNewLine("\n")
        .DisableAliases()
        .Build();

    public static string Write(string header, IEnumerable<Dictionary<string, object>> manifests)
    {
        using var text = new StringWriter { NewLine = "\n" };
        foreach (var line in header.Split('\n'))
        {
            text.Write("# " + line + "\n");
        }

        foreach (var manifest in manifests)
        {
            text.Write("---\n");
            Serializer.Serialize(text, manifest);
        }

        return text.ToString();
    }
}
