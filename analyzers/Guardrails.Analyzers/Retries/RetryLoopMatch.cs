using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Guardrails.Analyzers.Retries;

/// <summary>A loop recognised as a hand-written retry, with what could be inferred about it.</summary>
internal sealed class RetryLoopMatch
{
    public RetryLoopMatch(
        RetryLoopKind kind,
        ILoopOperation loop,
        ITryOperation? tryOperation,
        ImmutableArray<ICatchClauseOperation> retryingCatches,
        FailedResult? failedResult,
        IReadOnlyCollection<ISymbol> counters,
        IBinaryOperation? limit,
        RetryDelay delay,
        HttpInvolvement http)
    {
        Kind = kind;
        Loop = loop;
        Try = tryOperation;
        RetryingCatches = retryingCatches;
        FailedResult = failedResult;
        Counters = counters;
        Limit = limit;
        Delay = delay;
        Http = http;
    }

    public RetryLoopKind Kind { get; }
    public ILoopOperation Loop { get; }
    public ITryOperation? Try { get; }
    public ImmutableArray<ICatchClauseOperation> RetryingCatches { get; }
    public FailedResult? FailedResult { get; }
    public IInvocationOperation? RetriedOperation => FailedResult?.Action;
    public IReadOnlyCollection<ISymbol> Counters { get; }
    public IBinaryOperation? Limit { get; }
    public RetryDelay Delay { get; }
    public HttpInvolvement Http { get; }

    public bool IsTight => Delay.Backoff == BackoffKind.None;

    /// <summary>"catching HttpRequestException" or "'TrySend' returns false": what sends the loop round again.</summary>
    public string DescribeTrigger() => Kind == RetryLoopKind.AfterException
        ? "catching " + DescribeCaughtTypes(RetryingCatches)
        : FailedResult?.Description ?? "the operation reports failure";

    public string DescribeDetails() => AttemptCounters.DescribeLimit(Limit) + ", " + Delay.Describe();

    public static string DescribeCaughtTypes(ImmutableArray<ICatchClauseOperation> catches)
    {
        var names = catches
            .Select(c => c.ExceptionType is { SpecialType: not SpecialType.System_Object } type && type.Name != "Exception"
                ? type.Name
                : "any exception")
            .Distinct()
            .ToArray();
        return string.Join(" or ", names);
    }
}
