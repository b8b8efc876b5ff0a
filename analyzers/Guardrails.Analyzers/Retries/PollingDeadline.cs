using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Guardrails.Analyzers.Retries;

/// <summary>
/// A loop bounded by time rather than by attempts is polling, not a retry: its condition (or a catch filter)
/// reads the clock (<c>DateTime.UtcNow &lt; deadline</c>, <c>stopwatch.Elapsed &lt; timeout</c>,
/// <c>Environment.TickCount64</c>) or a token whose source cancels itself after a time
/// (<c>cts.CancelAfter(...)</c>, <c>new CancellationTokenSource(timeout)</c>).
/// </summary>
internal static class PollingDeadline
{
    public static bool Bounds(ILoopOperation loop, IOperation? condition, RetryWellKnownTypes types)
    {
        var guards = OperationSearch.DescendantsInSameBody(loop.Body)
            .OfType<ICatchClauseOperation>()
            .Select(catchClause => catchClause.Filter)
            .Prepend(condition);
        foreach (var guard in guards)
        {
            if (guard is not null && OperationSearch.DescendantsInSameBody(guard).Prepend(guard).Any(node => ReadsClock(node, types) || IsTimedToken(node, loop, types)))
            {
                return true;
            }
        }

        return false;
    }

    private static bool ReadsClock(IOperation node, RetryWellKnownTypes types) => node switch
    {
        IPropertyReferenceOperation { Property: { IsStatic: true, Name: "Now" or "UtcNow" } property } =>
            Is(property.ContainingType, types.DateTime) || Is(property.ContainingType, types.DateTimeOffset),
        IPropertyReferenceOperation { Property: { IsStatic: true, Name: "TickCount" or "TickCount64" } property } => Is(property.ContainingType, types.Environment),
        IPropertyReferenceOperation { Property: { Name: "Elapsed" or "ElapsedMilliseconds" or "ElapsedTicks" } property } => Is(property.ContainingType, types.Stopwatch),
        IInvocationOperation { TargetMethod: { Name: "GetTimestamp" or "GetElapsedTime" } method } => Is(method.ContainingType, types.Stopwatch),
        _ => false,
    };

    /// <summary><c>cts.IsCancellationRequested</c> or <c>cts.Token.IsCancellationRequested</c> where the method times <c>cts</c> out.</summary>
    private static bool IsTimedToken(IOperation node, ILoopOperation loop, RetryWellKnownTypes types)
    {
        if (node is not IPropertyReferenceOperation { Property.Name: "IsCancellationRequested", Instance: { } instance })
        {
            return false;
        }

        var source = instance is IPropertyReferenceOperation { Property.Name: "Token", Instance: { } owner } ? owner : instance;
        if (RetryDelayInference.VariableOf(source) is not ILocalSymbol local || !Is(local.Type, types.CancellationTokenSource))
        {
            return false;
        }

        var body = CatchClauseContext.Root(loop);
        return OperationSearch.DescendantsInSameBody(body).Any(other => other switch
        {
            IInvocationOperation { TargetMethod.Name: "CancelAfter", Instance: { } target } => SymbolEqualityComparer.Default.Equals(RetryDelayInference.VariableOf(target), local),
            IVariableDeclaratorOperation { Initializer.Value: var value } declarator =>
                SymbolEqualityComparer.Default.Equals(declarator.Symbol, local) && OperationSearch.Unwrap(value) is IObjectCreationOperation { Arguments.Length: > 0 },
            _ => false,
        });
    }

    private static bool Is(ITypeSymbol? type, INamedTypeSymbol? expected) =>
        type is not null && expected is not null && SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, expected);
}
