using System.Globalization;
using Guardrails.Diagnostics;

namespace Guardrails.Slo.Yaml;

/// <summary>A scalar, resolved with the YAML 1.2 core schema the way Go's yaml decoders resolve it.</summary>
internal sealed class YamlScalar : YamlNode
{
    public YamlScalar(SourceSpan span, string value, bool isPlain, string? tag)
        : base(span)
    {
        Value = value;
        IsPlain = isPlain;
        Tag = tag;
    }

    public string Value { get; }

    /// <summary>Unquoted: only plain scalars resolve to null, booleans and numbers.</summary>
    public bool IsPlain { get; }

    public string? Tag { get; }

    public bool IsNull => IsPlain && Tag is null && Value is "" or "~" or "null" or "Null" or "NULL";

    public bool IsString => !IsPlain || Tag == "tag:yaml.org,2002:str" || (!IsNull && !TryGetBoolean(out _) && !TryGetNumber(out _));

    public bool TryGetBoolean(out bool value)
    {
        value = false;
        if (!IsPlain || Tag is not null)
        {
            return false;
        }

        switch (Value)
        {
            case "true" or "True" or "TRUE":
                value = true;
                return true;
            case "false" or "False" or "FALSE":
                return true;
            default:
                return false;
        }
    }

    public bool TryGetNumber(out double value)
    {
        value = 0;
        if (!IsPlain || (Tag is not null && Tag != "tag:yaml.org,2002:float" && Tag != "tag:yaml.org,2002:int"))
        {
            return false;
        }

        var text = Value.Replace("_", string.Empty);
        if (text.Length == 0 || (!char.IsDigit(text[text.Length - 1]) && text[text.Length - 1] != '.'))
        {
            return false;
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
    }

    public override string Describe() => IsNull ? "null" : IsString ? $"the string \"{Value}\"" : $"the value {Value}";
}
