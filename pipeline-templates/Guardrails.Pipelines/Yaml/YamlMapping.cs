using System;
using System.Collections.Generic;
using System.Linq;

namespace Guardrails.Pipelines.Yaml;

/// <summary>
/// A block mapping whose keys keep the order they were added in. An entry may carry comment lines written
/// above its key: the emitters use them to give the reason for a permission or a setting.
/// </summary>
public sealed class YamlMapping : YamlNode
{
    private readonly List<YamlMappingEntry> entries = [];

    public IReadOnlyList<YamlMappingEntry> Entries => entries;

    public YamlMapping Add(string key, YamlNode value, params string[] commentAbove)
    {
        if (entries.Any(entry => entry.Key == key))
        {
            throw new ArgumentException($"The key '{key}' is already in this mapping.", nameof(key));
        }

        entries.Add(new YamlMappingEntry(key, value, commentAbove));
        return this;
    }

    public YamlMapping Add(string key, string value, params string[] commentAbove) =>
        Add(key, YamlScalar.Text(value), commentAbove);
}
