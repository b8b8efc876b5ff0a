using System;
using System.Collections.Generic;
using System.Linq;

namespace Guardrails.Slo.Prometheus.Rules;

/// <summary>
/// Makes the runbook links of generated alerts absolute. SLO files link runbooks by repository path
/// (<c>docs/runbooks/orders.md#latency</c>), which the build checks; Alertmanager and a pager need a URL, so a base
/// such as <c>https://github.com/org/repo/blob/main/</c> is put in front of every relative link. Links that are already
/// URLs are left as written.
/// </summary>
public static class RunbookBaseUrl
{
    private static readonly string[] RunbookAnnotations = ["runbook_url", "runbook"];

    /// <summary>Whether <paramref name="baseUrl"/> is an absolute http or https URL (or empty: no base).</summary>
    public static bool IsValid(string? baseUrl) =>
        string.IsNullOrWhiteSpace(baseUrl)
        || (Uri.TryCreate(baseUrl, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps));

    /// <summary>The SLO with its runbook links made absolute against <paramref name="baseUrl"/>; unchanged without a base.</summary>
    public static PrometheusSlo Apply(PrometheusSlo slo, string? baseUrl)
    {
        if (slo is null)
        {
            throw new ArgumentNullException(nameof(slo));
        }

        if (string.IsNullOrWhiteSpace(baseUrl))
        {
            return slo;
        }

        return slo with
        {
            RunbookUrl = slo.RunbookUrl is null ? null : Absolute(baseUrl!, slo.RunbookUrl),
            PageAlert = slo.PageAlert with { Annotations = WithAbsoluteRunbooks(slo.PageAlert.Annotations, baseUrl!) },
            TicketAlert = slo.TicketAlert with { Annotations = WithAbsoluteRunbooks(slo.TicketAlert.Annotations, baseUrl!) },
        };
    }

    /// <summary>The link against the base, unless it is a URL already.</summary>
    public static string Absolute(string baseUrl, string link)
    {
        if (Uri.TryCreate(link, UriKind.Absolute, out var uri) && !uri.IsFile)
        {
            return link;
        }

        return baseUrl.TrimEnd('/') + "/" + link.TrimStart('.', '/');
    }

    private static Dictionary<string, string> WithAbsoluteRunbooks(IReadOnlyDictionary<string, string> annotations, string baseUrl) =>
        annotations.ToDictionary(
            pair => pair.Key,
            pair => RunbookAnnotations.Contains(pair.Key, StringComparer.Ordinal) ? Absolute(baseUrl, pair.Value) : pair.Value,
            StringComparer.Ordinal);
}
