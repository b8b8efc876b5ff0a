using System;

namespace Guardrails.Slo.Runbooks;

/// <summary>A runbook target split the way a browser would: the file part and the optional <c>#anchor</c>.</summary>
internal sealed record RunbookLink(string FilePart, string? Anchor, bool IsWebAddress)
{
    public static RunbookLink Parse(string target)
    {
        var trimmed = target.Trim();
        if (Uri.TryCreate(trimmed, UriKind.Absolute, out var uri)
            && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps))
        {
            return new RunbookLink(trimmed, null, IsWebAddress: true);
        }

        var hash = trimmed.IndexOf('#');
        var filePart = hash < 0 ? trimmed : trimmed.Substring(0, hash);
        var anchor = hash < 0 ? null : trimmed.Substring(hash + 1);

        // A query (GitHub's "?plain=1") selects a rendering, not another file.
        var query = filePart.IndexOf('?');
        filePart = query < 0 ? filePart : filePart.Substring(0, query);
        return new RunbookLink(Uri.UnescapeDataString(filePart), anchor is null ? null : Uri.UnescapeDataString(anchor), IsWebAddress: false);
    }
}
