using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Guardrails.Analyzers.Retries;

/// <summary>
/// A wait computed by a helper of the same project from the attempt count (<c>GetNextWaitInterval(attempt)</c>):
/// the helper's own syntax tells its growth (<c>Math.Pow</c>, a shift: exponential; a product: linear) and
/// whether it adds <c>Random</c> jitter. Syntax only: no semantic model of another file is built.
/// </summary>
internal static class DelayHelperSyntax
{
    public static (BackoffKind Backoff, bool HasJitter)? Classify(IMethodSymbol helper)
    {
        var declaration = helper.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax();
        if (declaration is not (MethodDeclarationSyntax or LocalFunctionStatementSyntax))
        {
            return null;
        }

        var nodes = declaration.DescendantNodes().ToArray();
        var exponential = nodes.Any(node =>
            node.IsKind(SyntaxKind.LeftShiftExpression) ||
            node is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Pow" } });
        var linear = nodes.Any(node => node.IsKind(SyntaxKind.MultiplyExpression));
        var jitter = nodes.Any(node =>
            node is IdentifierNameSyntax { Identifier.ValueText: "Random" } ||
            node is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Next" or "NextDouble" or "NextInt64" } });
        return (exponential ? BackoffKind.Exponential : linear ? BackoffKind.Linear : BackoffKind.Constant, jitter);
    }
}
