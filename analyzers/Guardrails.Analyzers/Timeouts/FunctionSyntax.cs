using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Guardrails.Analyzers.Timeouts;

/// <summary>The innermost function written around a node: a lambda, a local function, or the member itself.</summary>
internal static class FunctionSyntax
{
    public static SyntaxNode? Around(SyntaxNode node)
    {
        foreach (var ancestor in node.Ancestors())
        {
            if (ancestor is AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax or MemberDeclarationSyntax)
            {
                return ancestor;
            }
        }

        return null;
    }
}
