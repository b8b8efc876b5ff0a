using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Guardrails.Analyzers.CodeFixes.Timeouts;

/// <summary>
/// How fixed code names a <c>System</c> type at a position: <c>TimeSpan</c> where <c>using System;</c> (or a
/// global using) brings it into scope, <c>System.TimeSpan</c> elsewhere.
/// </summary>
internal static class SystemTypeName
{
    /// <summary>The type as the receiver of a member access: <c>TimeSpan</c> or <c>System.TimeSpan</c>.</summary>
    public static ExpressionSyntax At(SemanticModel semanticModel, int position, string typeName)
    {
        foreach (var symbol in semanticModel.LookupNamespacesAndTypes(position, name: typeName))
        {
            if (symbol is INamedTypeSymbol { ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } })
            {
                return SyntaxFactory.IdentifierName(typeName);
            }
        }

        return SyntaxFactory.MemberAccessExpression(
            SyntaxKind.SimpleMemberAccessExpression,
            SyntaxFactory.IdentifierName("System"),
            SyntaxFactory.IdentifierName(typeName));
    }
}
