namespace Guardrails.Analyzers;

/// <summary>
/// Every diagnostic ID the analyzers report. IDs are never reused; a retired rule keeps its number.
/// GR1xxx: retries done by hand. GR2xxx: waits without a bound.
/// </summary>
internal static class RuleIdentifiers
{
    private const string DocsRoot = "https://github.com/guardrails-dotnet/guardrails/blob/main/docs/rules/";

    public const string UnboundedWait = "GR2001";
    public const string InfiniteTimeout = "GR2002";
    public const string UnboundedConnect = "GR2003";
    public const string GrpcCallWithoutDeadline = "GR2004";
    public const string HttpClientCallWithoutBound = "GR2005";
    public const string RetryWithoutTimeout = "GR2006";

    public static string GetHelpUri(string id) => DocsRoot + id + ".md";
}
