using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Guardrails.Analyzers.Timeouts;

/// <summary>
/// What the function around an operation (a lambda, a local function or the member itself) offers. The GR2xxx
/// rules step back where other rule packs already speak: CA2016/MA0040 when a token can be forwarded,
/// VSTHRD002/VSTHRD103/MA0042 when an async function blocks.
/// </summary>
internal static class EnclosingFunction
{
    /// <summary>
    /// The member a node sits in, as a syntax node action's <c>ContainingSymbol</c> gives it, for a whole-file action:
    /// the semantic model's enclosing symbol is the innermost lambda or local function, which the walks below meet
    /// on their own.
    /// </summary>
    public static ISymbol? MemberAround(SyntaxNode node, SemanticModel model, CancellationToken cancellationToken)
    {
        var symbol = model.GetEnclosingSymbol(node.SpanStart, cancellationToken);
        while (symbol is IMethodSymbol { MethodKind: MethodKind.AnonymousFunction or MethodKind.LocalFunction })
        {
            symbol = symbol.ContainingSymbol;
        }

        return symbol;
    }

    public static bool IsAsync(IOperation operation, ISymbol? containingSymbol)
    {
        for (var current = operation.Parent; current is not null; current = current.Parent)
        {
            switch (current)
            {
                case IAnonymousFunctionOperation lambda:
                    return lambda.Symbol.IsAsync;
                case ILocalFunctionOperation localFunction:
                    return localFunction.Symbol.IsAsync;
            }
        }

        return containingSymbol is IMethodSymbol { IsAsync: true };
    }

    /// <summary>True when this function or one around it has a <c>CancellationToken</c> parameter.</summary>
    public static bool HasCancellationTokenParameter(IOperation operation, ISymbol? containingSymbol, INamedTypeSymbol cancellationTokenType)
    {
        for (var current = operation.Parent; current is not null; current = current.Parent)
        {
            var function = current switch
            {
                IAnonymousFunctionOperation lambda => lambda.Symbol,
                ILocalFunctionOperation localFunction => localFunction.Symbol,
                _ => null,
            };
            if (function is not null && HasParameterOfType(function, cancellationTokenType))
            {
                return true;
            }
        }

        return containingSymbol is IMethodSymbol method && HasParameterOfType(method, cancellationTokenType);
    }

    private static bool HasParameterOfType(IMethodSymbol method, INamedTypeSymbol type)
    {
        foreach (var parameter in method.Parameters)
        {
            if (SymbolEqualityComparer.Default.Equals(parameter.Type, type))
            {
                return true;
            }
        }

        return false;
    }
}
