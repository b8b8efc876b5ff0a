using System.Threading;
using Microsoft.CodeAnalysis;

namespace Guardrails.Analyzers.Timeouts;

/// <summary>
/// The member a node belongs to (a method, property, field or constructor, not a lambda or local function inside
/// it): what the driver hands a syntax or operation action as its containing symbol, found for a file-wide search.
/// </summary>
internal static class ContainingMember
{
    public static ISymbol? Of(SemanticModel semanticModel, SyntaxNode node, CancellationToken cancellationToken)
    {
        var symbol = semanticModel.GetEnclosingSymbol(node.SpanStart, cancellationToken);
        while (symbol is IMethodSymbol { MethodKind: MethodKind.AnonymousFunction or MethodKind.LocalFunction })
        {
            symbol = symbol.ContainingSymbol;
        }

        return symbol;
    }
}
