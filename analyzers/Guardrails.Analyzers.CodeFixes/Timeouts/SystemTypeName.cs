using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Guardrails.Analyzers.CodeFixes.Timeouts;

/// <summary>
/// How fixed code names a framework type at a position: <c>TimeSpan</c> where <c>using System;</c> (or a
/// global using) brings it into scope, <c>System.TimeSpan</c> elsewhere.
/// </summary>
internal static class SystemTypeName
{
    /// <summary>The type as the receiver of a member access: <c>TimeSpan</c> or <c>System.TimeSpan</c>.</summary>
    public static ExpressionSyntax At(SemanticModel semanticModel, int position, string typeName)
        => SyntaxFactory.ParseExpression(Text(semanticModel, position, "System", typeName));

    /// <summary>The type's name as code at the position writes it: <c>CancellationTokenSource</c> or <c>System.Threading.CancellationTokenSource</c>.</summary>
    public static string Text(SemanticModel semanticModel, int position, string namespaceName, string typeName)
    {
        foreach (var symbol in semanticModel.LookupNamespacesAndTypes(position, name: typeName))
        {
            if (symbol is INamedTypeSymbol { ContainingNamespace: var containing } && containing.ToDisplayString() == namespaceName)
            {
                return typeName;
            }
        }

        return namespaceName + "." + typeName;
    }
}
