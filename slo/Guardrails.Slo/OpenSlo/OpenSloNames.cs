using System.Text.RegularExpressions;

namespace Guardrails.Slo.OpenSlo;

/// <summary>
/// The name, label-key and annotation-key patterns of the OpenSLO go-sdk. Each ends in \z, not $: Go's $ matches only
/// at the end of the text, .NET's also before a final line feed, which would let "checkout\n" (a block scalar) pass.
/// </summary>
internal static class OpenSloNames
{
    private static readonly Regex DnsLabel = new("^[a-z0-9]([-a-z0-9]*[a-z0-9])?\\z", RegexOptions.CultureInvariant);

    private static readonly Regex LabelKey = new("^[a-zA-Z0-9]([-._a-zA-Z0-9]{0,61}[a-zA-Z0-9])?\\z", RegexOptions.CultureInvariant);

    private static readonly Regex AnnotationKeyLength = new("^(.{0,253}/)?.{0,63}\\z", RegexOptions.CultureInvariant);

    private static readonly Regex AnnotationKey = new(
        "^([a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?)*/)?[a-zA-Z0-9]([-._a-zA-Z0-9]{0,61}[a-zA-Z0-9])?\\z",
        RegexOptions.CultureInvariant);

    /// <summary>RFC 1123 DNS label: lower-case letters, digits and '-', starting and ending alphanumeric, at most 63.</summary>
    public static bool IsDnsLabel(string name) => name.Length <= 63 && DnsLabel.IsMatch(name);

    public static bool IsLabelKey(string key) => LabelKey.IsMatch(key);

    public static bool IsAnnotationKey(string key) => AnnotationKeyLength.IsMatch(key) && AnnotationKey.IsMatch(key);
}
