using System.Text;

namespace Guardrails.Gate.Kubernetes;

/// <summary>
/// A Kubernetes object name (RFC 1123 label: lower-case letters, digits and dashes, at most 63 characters,
/// starting and ending with a letter or digit) made from an SLO's service and name.
/// </summary>
internal static class KubernetesName
{
    private const int MaxLength = 63;

    public static string From(string text)
    {
        var name = new StringBuilder();
        foreach (var character in text.ToLowerInvariant())
        {
            var isAllowed = character is (>= 'a' and <= 'z') or (>= '0' and <= '9');
            if (isAllowed)
            {
                name.Append(character);
            }
            else if (name.Length > 0 && name[^1] != '-')
            {
                name.Append('-');
            }
        }

        var result = name.ToString();
        if (result.Length > MaxLength)
        {
            result = result[..MaxLength];
        }

        result = result.Trim('-');
        return result.Length == 0 ? "slo" : result;
    }
}
