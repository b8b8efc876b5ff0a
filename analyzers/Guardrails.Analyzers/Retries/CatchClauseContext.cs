using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Guardrails.Analyzers.Retries;

/// <summary>Where an operation sits relative to the catch blocks and functions around it.</summary>
internal static class CatchClauseContext
{
    /// <summary>The catch clause whose block holds <paramref name="operation"/> in the same function, if any.</summary>
    public static ICatchClauseOperation? EnclosingCatch(IOperation operation)
    {
        for (var current = operation.Parent; current is not null; current = current.Parent)
        {
            switch (current)
            {
                case ICatchClauseOperation catchClause when catchClause.Handler.Syntax.Span.Contains(operation.Syntax.Span):
                    return catchClause;
                case IAnonymousFunctionOperation or ILocalFunctionOperation:
                    return null;
            }
        }

        return null;
    }

    /// <summary>The method or local function whose body holds <paramref name="operation"/>; null inside a lambda.</summary>
    public static IMethodSymbol? EnclosingFunction(IOperation operation, ISymbol containingSymbol)
    {
        for (var current = operation.Parent; current is not null; current = current.Parent)
        {
            switch (current)
            {
                case ILocalFunctionOperation localFunction:
                    return localFunction.Symbol;
                case IAnonymousFunctionOperation:
                    return null;
            }
        }

        return containingSymbol as IMethodSymbol;
    }

    public static IOperation Root(IOperation operation)
    {
        var current = operation;
        while (current.Parent is not null)
        {
            current = current.Parent;
        }

        return current;
    }
}
