using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Guardrails.Analyzers.CodeFixes.Timeouts;

/// <summary>
/// The cancellation tokens code at a position can pass: locals and parameters declared before it, then
/// fields and properties of the enclosing type usable there, of type <c>CancellationToken</c> or
/// <c>CancellationTokenSource</c> (passed as <c>source.Token</c>). Nearest first.
/// </summary>
internal static class TokensInScope
{
    public static IReadOnlyList<ExpressionSyntax> At(SemanticModel semanticModel, int position)
    {
        var token = semanticModel.Compilation.GetTypeByMetadataName("System.Threading.CancellationToken");
        var source = semanticModel.Compilation.GetTypeByMetadataName("System.Threading.CancellationTokenSource");
        if (token is null || source is null)
        {
            return [];
        }

        var isStaticContext = semanticModel.GetEnclosingSymbol(position) is { IsStatic: true };
        var nearby = new List<ExpressionSyntax>();
        var members = new List<ExpressionSyntax>();
        foreach (var symbol in semanticModel.LookupSymbols(position))
        {
            var (type, list) = symbol switch
            {
                ILocalSymbol local when IsDeclaredBefore(local, position) => (local.Type, nearby),
                IParameterSymbol parameter => (parameter.Type, nearby),
                IFieldSymbol field when field.IsStatic || !isStaticContext => (field.Type, members),
                IPropertySymbol { IsIndexer: false } property when property.IsStatic || !isStaticContext => (property.Type, members),
                _ => (null, null),
            };
            if (type is null || list is null)
            {
                continue;
            }

            var name = SyntaxFactory.IdentifierName(symbol.Name);
            if (SymbolEqualityComparer.Default.Equals(type, token))
            {
                list.Add(name);
            }
            else if (SymbolEqualityComparer.Default.Equals(type, source))
            {
                list.Add(SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, name, SyntaxFactory.IdentifierName("Token")));
            }
        }

        nearby.AddRange(members);
        return nearby;
    }

    /// <summary>A local's scope is its whole block; only one declared before the call can be used in it.</summary>
    private static bool IsDeclaredBefore(ILocalSymbol local, int position)
    {
        foreach (var reference in local.DeclaringSyntaxReferences)
        {
            if (reference.Span.End <= position)
            {
                return true;
            }
        }

        return false;
    }
}
