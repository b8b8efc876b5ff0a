using System.Collections.Generic;

namespace Guardrails.Pipelines.Yaml;

/// <summary>One key of a mapping, its value, and the comment lines written above the key.</summary>
public sealed record YamlMappingEntry(string Key, YamlNode Value, IReadOnlyList<string> CommentAbove);
