namespace Guardrails.Analyzers.Retries;

/// <summary>The library advice every GR1xxx message ends with.</summary>
internal static class RetryAdvice
{
    public const string Polly = "use a Polly v8 pipeline (new ResiliencePipelineBuilder().AddRetry(...))";

    public static string HttpSuffix(HttpInvolvement involvement) => involvement switch
    {
        HttpInvolvement.HttpClient => " or, for HttpClient, AddStandardResilienceHandler() from Microsoft.Extensions.Http.Resilience",
        HttpInvolvement.DelegatingHandler => " or replace this handler with AddStandardResilienceHandler() (or AddResilienceHandler(...)) from Microsoft.Extensions.Http.Resilience on the client's registration",
        _ => string.Empty,
    };
}
