using System.Collections.Generic;
using System.IO;
using System.Linq;
using YamlDotNet.RepresentationModel;

namespace Guardrails.Pipelines.Tests;

/// <summary>Reads an emitted file back with YamlDotNet, as any consumer would, to inspect its structure.</summary>
internal static class YamlTree
{
    public static YamlMappingNode Load(string text)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        return (YamlMappingNode)stream.Documents.Single().RootNode;
    }

    public static YamlNode? Get(this YamlMappingNode mapping, string key) =>
        mapping.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    public static string? Text(this YamlMappingNode mapping, string key) => (mapping.Get(key) as YamlScalarNode)?.Value;

    /// <summary>Every mapping anywhere in the document, depth first.</summary>
    public static IEnumerable<YamlMappingNode> AllMappings(YamlNode node) => node switch
    {
        YamlMappingNode mapping => new[] { mapping }.Concat(mapping.Children.Values.SelectMany(AllMappings)),
        YamlSequenceNode sequence => sequence.Children.SelectMany(AllMappings),
        _ => [],
    };

    /// <summary>The bodies of every script the file runs: GitHub run:, Azure script: and inlineScript:.</summary>
    public static IEnumerable<(string Key, string Body, int Line)> Scripts(string text) =>
        AllMappings(Load(text))
            .SelectMany(mapping => mapping.Children)
            .Where(pair => pair.Key is YamlScalarNode { Value: "run" or "script" or "inlineScript" or "bash" } && pair.Value is YamlScalarNode)
            .Select(pair => (((YamlScalarNode)pair.Key).Value!, ((YamlScalarNode)pair.Value).Value!, (int)pair.Key.Start.Line));
}
