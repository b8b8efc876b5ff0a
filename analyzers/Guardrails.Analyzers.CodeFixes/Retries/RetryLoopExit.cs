namespace Guardrails.Analyzers.CodeFixes.Retries;

/// <summary>How the try block of a canonical retry loop leaves the loop when the operation worked.</summary>
internal enum RetryLoopExit
{
    /// <summary><c>break;</c>: the code after the loop runs next.</summary>
    Break,

    /// <summary><c>return;</c> from a method without a result.</summary>
    Return,

    /// <summary><c>return value;</c>: the pipeline returns the value.</summary>
    ReturnValue,
}
