using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Guardrails.Analyzers.Retries;

/// <summary>
/// The syntax filter in front of the retry loop detector. A loop retries after an exception only through a
/// <c>try</c> among the statements of its body (looking through blocks, <c>using</c> and <c>lock</c>, as the
/// detector does) with a catch that lets the loop go round again; it retries after a failed result only when it
/// calls an action and tests what the action returned. A loop with neither never has its method bound.
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

        var statements = TopLevelStatements(body).ToArray();
        if (statements.OfType<TryStatementSyntax>().Any(tryStatement => tryStatement.Catches.Any(RetryCandidateSyntax.MayGoOn)))
        {
            return true;
        }

        // A failed result sends the loop round again through its condition or an if that leaves or continues.
        var testsResult = (condition is not null && ResultConditionSyntax.MayTestResult(condition)) ||
            statements.OfType<IfStatementSyntax>().Any(check => EndsByLeavingOrContinuing(check.Statement) && ResultConditionSyntax.MayTestResult(check.Condition));
        return testsResult && RetryCandidateSyntax.NodesInSameBody(loop)
            .OfType<InvocationExpressionSyntax>()
            .Any(RetryCandidateSyntax.MayReportResultOfAction);
    }

    private static bool EndsByLeavingOrContinuing(StatementSyntax branch) =>
        TopLevelStatements(branch).LastOrDefault() is ReturnStatementSyntax or BreakStatementSyntax or ContinueStatementSyntax;

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
}
