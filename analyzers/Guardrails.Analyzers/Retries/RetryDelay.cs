using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Guardrails.Analyzers.Retries;

/// <summary>What a retry waits between attempts, as inferred from its delay call.</summary>
internal sealed class RetryDelay
{
    public static RetryDelay None { get; } = new(BackoffKind.None, hasJitter: false, call: null, argument: null);

    public RetryDelay(BackoffKind backoff, bool hasJitter, IInvocationOperation? call, IOperation? argument, bool honoursRetryAfter = false)
    {
        Backoff = backoff;
        HasJitter = hasJitter;
        HonoursRetryAfter = honoursRetryAfter;
        Call = call;
        Argument = argument;
    }

    public BackoffKind Backoff { get; }

    public bool HasJitter { get; }

    /// <summary>The wait comes from the server's <c>Retry-After</c> header when it sends one.</summary>
    public bool HonoursRetryAfter { get; }

    /// <summary>The call that waits (Thread.Sleep, Task.Delay, ...); null for a tight retry.</summary>
    public IInvocationOperation? Call { get; }

    /// <summary>The argument giving the length of the wait, when one could be told apart.</summary>
    public IOperation? Argument { get; }

    public string Describe()
    {
        var waitText = Argument?.Syntax.ToString() ?? Call?.Syntax.ToString() ?? string.Empty;
        var description = Backoff switch
        {
            BackoffKind.None => "no delay between attempts",
            BackoffKind.Constant => $"fixed delay {waitText}",
            BackoffKind.Linear => $"linear backoff {waitText}",
            _ => $"exponential backoff {waitText}",
        };
        if (HasJitter)
        {
            description += " with random jitter";
        }

        return HonoursRetryAfter ? description + ", honouring the server's Retry-After" : description;
    }
}
