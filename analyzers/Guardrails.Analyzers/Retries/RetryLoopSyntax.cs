using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Guardrails.Analyzers.Retries;

/// <summary>
/// The syntax filter in front of the retry loop detector: every retry shape has, among the statements of the
/// loop body (looking through blocks, <c>using</c> and <c>lock</c>, as the detector does), a <c>try</c> or an
/// <c>if</c>, or a condition that tests a result (<c>!</c>, <c>==</c>, <c>!=</c>, a call, a property). A loop
/// with none of these never gets an operation tree built for it.
/// </summary>
internal static class RetryLoopSyntax
{
    /// <summary>The statements the detector looks at: those of the body, looking through blocks, <c>using</c> and <c>lock</c>.</summary>
    private static IEnumerable<StatementSyntax> TopLevelStatements(StatementSyntax statement)
    {
        switch (statement)
        {
            case BlockSyntax block:
                foreach (var inner in block.Statements.SelectMany(TopLevelStatements))
                {
                    yield return inner;
                }

                break;
            case UsingStatementSyntax { Statement: { } usingBody }:
                foreach (var inner in TopLevelStatements(usingBody))
                {
                    yield return inner;
                }

                break;
            case LockStatementSyntax { Statement: { } lockBody }:
                foreach (var inner in TopLevelStatements(lockBody))
                {
                    yield return inner;
                }

                break;
            default:
                yield return statement;
                break;
        }
    }

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

        if (TopLevelStatements(body).Any(statement => statement.IsKind(SyntaxKind.TryStatement) || statement.IsKind(SyntaxKind.IfStatement)))
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
