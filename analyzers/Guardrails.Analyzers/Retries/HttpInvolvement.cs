namespace Guardrails.Analyzers.Retries;

/// <summary>Whether a retry sends HTTP requests, and from where.</summary>
internal enum HttpInvolvement
{
    None,

    /// <summary>Requests through HttpClient (its methods or extension methods such as GetFromJsonAsync).</summary>
    HttpClient,

    /// <summary>A DelegatingHandler that sends the request again itself.</summary>
    DelegatingHandler,
}
