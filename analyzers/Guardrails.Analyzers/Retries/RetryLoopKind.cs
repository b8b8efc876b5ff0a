namespace Guardrails.Analyzers.Retries;

internal enum RetryLoopKind
{
    /// <summary>A try/catch inside the loop: the catch lets the loop run the operation again.</summary>
    AfterException,

    /// <summary>The loop runs the operation again while its result (a flag, an HTTP status) reports failure.</summary>
    AfterFailedResult,
}
