using System;
using System.IO;
using System.Linq;
using RepresentationModel = YamlDotNet.RepresentationModel;

namespace Guardrails.Pipelines.Yaml;

/// <summary>Turns a small YAML literal (an object default such as <c>{ vmImage: ubuntu-latest }</c>) into a node.</summary>
public static class YamlText
{
    public static YamlNode Parse(string text)
    {
        var stream = new RepresentationModel.YamlStream();
        stream.Load(new StringReader(text));
        return Convert(stream.Documents.Single().RootNode);
    }

    private static YamlNode Convert(RepresentationModel.YamlNode node) => node switch
    {
        RepresentationModel.YamlScalarNode scalar => YamlScalar.Text(scalar.Value ?? string.Empty),
        RepresentationModel.YamlSequenceNode sequence => new YamlSequence(flow: sequence.Children.Count == 0).AddRange(sequence.Children.Select(Convert)),
        RepresentationModel.YamlMappingNode mapping => mapping.Children.Aggregate(
            new YamlMapping(),
            (result, pair) => result.Add(((RepresentationModel.YamlScalarNode)pair.Key).Value!, Convert(pair.Value))),
        _ => throw new ArgumentException($"Unsupported YAML node {node.NodeType}.", nameof(node)),
    };
}
