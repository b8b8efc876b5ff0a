using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Guardrails.Analyzers.Retries;

/// <summary>
/// The syntax filter in front of the retry loop detector: every retry shape has a <c>try</c> statement, an
/// <c>if</c> that leaves or goes round, or a condition that tests a result (<c>!</c>, <c>==</c>, <c>!=</c>, a
/// comparison). A loop with none of these (most loops) never gets an operation tree built for it.
/// </summary>
internal static class RetryLoopSyntax
{
    public static bool MayBeRetry(StatementSyntax loop)
    {
        var (condition, body) = loop switch
        {
            ForStatementSyntax forStatement => (forStatement.Condition, forStatement.Statement),
            WhileStatementSyntax whileStatement => (whileStatement.Condition, whileStatement.Statement),
            DoStatementSyntax doStatement => (doStatement.Condition, doStatement.Statement),
            _ => (null, null),
        };
        if (body is null)
        {
            return false;
        }

        if (body.DescendantNodesAndSelf(descendIntoChildren: node => node is not (AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax))
            .Any(node => node.IsKind(SyntaxKind.TryStatement) || node.IsKind(SyntaxKind.IfStatement)))
        {
            return true;
        }

        return condition is not null && condition.DescendantNodesAndSelf().Any(node =>
            node.IsKind(SyntaxKind.LogicalNotExpression) ||
            node.IsKind(SyntaxKind.EqualsExpression) ||
            node.IsKind(SyntaxKind.NotEqualsExpression) ||
            node.IsKind(SyntaxKind.InvocationExpression) ||
            node.IsKind(SyntaxKind.SimpleMemberAccessExpression));
    }
}
