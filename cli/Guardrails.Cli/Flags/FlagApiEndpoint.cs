using System;
using System.Net.Http;

namespace Guardrails.Cli.Flags;

/// <summary>
/// A flag service's API root and token, and the requests made to it: both Unleash and LaunchDarkly take the
/// token in the <c>Authorization</c> header without a scheme and answer JSON.
/// </summary>
internal sealed class FlagApiEndpoint
{
    private readonly Uri root;
    private readonly string token;

    public FlagApiEndpoint(Uri address, string token)
    {
        // A relative path resolves under the root only when the root ends with a slash.
        root = address.AbsoluteUri.EndsWith('/') ? address : new Uri(address.AbsoluteUri + "/");
        this.token = token;
    }

    public HttpRequestMessage Request(HttpMethod method, string path)
    {
        var request = new HttpRequestMessage(method, new Uri(root, path));
        request.Headers.TryAddWithoutValidation("Authorization", token);
        request.Headers.Accept.ParseAdd("application/json");
        return request;
    }
}
