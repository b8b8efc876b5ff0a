namespace Guardrails.Analyzers;

/// <summary>
/// Every diagnostic ID the analyzers report. IDs are never reused; a retired rule keeps its number.
/// GR1xxx: retries done by hand. GR2xxx: waits without a bound.
/// </summary>
internal static class RuleIdentifiers
{
    private const string DocsRoot = "https://github.com/guardrails-dotnet/guardrails/blob/main/docs/rules/";

    /// <summary>A loop runs an operation again after catching its exception, waiting between attempts.</summary>
    public const string RetryLoopOnException = "GR1001";

    /// <summary>A loop runs a failed operation again at once, with no delay (exception or failed result).</summary>
    public const string TightRetryLoop = "GR1002";

    /// <summary>A loop runs an operation again while its result reports failure, waiting between attempts.</summary>
    public const string RetryLoopOnFailedResult = "GR1003";

    /// <summary>A method calls itself from its own catch block to try again.</summary>
    public const string RecursiveRetry = "GR1004";

    /// <summary>A catch block jumps back with goto to run the failed code again.</summary>
    public const string GotoRetry = "GR1005";

    /// <summary>A wait that passes neither a timeout nor a cancellation token.</summary>
    public const string UnboundedWait = "GR2001";

    /// <summary>A timeout set to infinite: Timeout.Infinite, -1, InfiniteTimeSpan, TimeSpan.MaxValue, CommandTimeout = 0.</summary>
    public const string InfiniteTimeout = "GR2002";

    /// <summary>A Socket or TcpClient connect with no cancellation token.</summary>
    public const string UnboundedConnect = "GR2003";

    /// <summary>A gRPC client call with neither a deadline nor a cancellation token.</summary>
    public const string GrpcCallWithoutDeadline = "GR2004";

    /// <summary>An HttpClient request with no token, no token to forward and no Timeout set in the same member.</summary>
    public const string HttpClientCallWithoutBound = "GR2005";

    /// <summary>A Polly pipeline that retries without a timeout strategy.</summary>
    public const string RetryWithoutTimeout = "GR2006";

    public static string GetHelpUri(string id) => DocsRoot + id + ".md";
}
