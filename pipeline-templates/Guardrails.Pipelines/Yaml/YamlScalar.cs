using System.Globalization;
using System.Text.RegularExpressions;
using YamlDotNet.Core;

namespace Guardrails.Pipelines.Yaml;

/// <summary>A scalar value, with an optional comment written on the same line.</summary>
public sealed partial class YamlScalar : YamlNode
{
    private YamlScalar(string value, ScalarStyle style, string? trailingComment)
    {
        Value = value;
        Style = style;
        TrailingComment = trailingComment;
    }

    public string Value { get; }

    public ScalarStyle Style { get; }

    public string? TrailingComment { get; }

    /// <summary>
    /// A string. Quoted when a plain scalar would read as another type (YAML 1.1 booleans such as
    /// <c>on</c>, numbers, null), so consumers always see a string.
    /// </summary>
    public static YamlScalar Text(string value, string? trailingComment = null) =>
        new(value, NeedsQuotes(value) ? ScalarStyle.SingleQuoted : ScalarStyle.Plain, trailingComment);

    /// <summary>A multi-line script, written as a literal block so it reads as it runs.</summary>
    public static YamlScalar Script(string body) => new(body, ScalarStyle.Literal, null);

    public static YamlScalar Number(int value) => new(value.ToString(CultureInfo.InvariantCulture), ScalarStyle.Plain, null);

    public static YamlScalar Number(double value) => new(value.ToString("0.####", CultureInfo.InvariantCulture), ScalarStyle.Plain, null);

    public static YamlScalar Boolean(bool value) => new(value ? "true" : "false", ScalarStyle.Plain, null);

    private static bool NeedsQuotes(string value) => value.Length == 0 || NonStringPlainScalar().IsMatch(value);

    [GeneratedRegex(@"^(?:y|n|yes|no|true|false|on|off|null|~|[-+]?(?:\.?[0-9][0-9_.:eE+-]*|\.inf|\.nan)|0x[0-9a-fA-F]+|0o[0-7]+)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NonStringPlainScalar();
}
