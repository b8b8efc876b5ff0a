namespace Guardrails.Analyzers.Retries;

/// <summary>The library advice every GR1xxx message ends with.</summary>
internal static class RetryAdvice
{
    public const string Polly = "use a Polly v8 pipeline (new ResiliencePipelineBuilder().AddRetry(...))";

    public static string HttpSuffix(bool involvesHttpClient) => involvesHttpClient
        ? " or, for HttpClient, AddStandardResilienceHandler() from Microsoft.Extensions.Http.Resilience"
        : string.Empty;
}
