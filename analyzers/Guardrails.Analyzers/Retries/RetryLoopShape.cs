namespace Guardrails.Analyzers.Retries;

/// <summary>
/// What the syntax filter (<see cref="RetryLoopSyntax"/>) saw in a loop, handed to the detector so that it runs only
/// the searches the syntax leaves open: most loops that reach it test a result and have no retrying try.
/// </summary>
[System.Flags]
internal enum RetryLoopShape
{
    /// <summary>Not a retry candidate: the detector is not run.</summary>
    None = 0,

    /// <summary>An <c>if</c> among the body's statements may test an action's result, or the condition does.</summary>
    ResultCheck = 1,

    /// <summary>An <c>if</c> or a <c>switch</c> may test an HTTP status, or the condition does.</summary>
    StatusCheck = 2,

    /// <summary>The loop's own condition may test a result or a status.</summary>
    ConditionCheck = 4,

    /// <summary>A try among the body's statements may send the loop round again after a catch; the rest was not looked at.</summary>
    RetryingTry = 8,

    /// <summary>Every search: what a try loop gets, since the filter stops reading at the try.</summary>
    Anything = ResultCheck | StatusCheck | ConditionCheck | RetryingTry,
}
