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

        // One pass over the body's statements, without iterators: this runs on every loop of the codebase.
        var testsResult = condition is not null && ResultConditionSyntax.MayTestResult(condition);
        switch (Scan(body))
        {
            case BodyShape.RetryingTry:
                return true;
            case BodyShape.ResultCheck:
                testsResult = true;
                break;
        }

        return testsResult && RetryCandidateSyntax.NodesInSameBody(loop)
            .OfType<InvocationExpressionSyntax>()
            .Any(RetryCandidateSyntax.MayReportResultOfAction);
    }

    private enum BodyShape
    {
        Neither,
        ResultCheck,
        RetryingTry,
    }

    /// <summary>The statements the detector looks at (those of the body, through blocks, <c>using</c> and <c>lock</c>): a try that may retry, an if that tests a result.</summary>
    private static BodyShape Scan(StatementSyntax statement)
    {
        switch (statement)
        {
            case BlockSyntax block:
                var shape = BodyShape.Neither;
                foreach (var inner in block.Statements)
                {
                    var found = Scan(inner);
                    if (found == BodyShape.RetryingTry)
                    {
                        return found;
                    }

                    if (found > shape)
                    {
                        shape = found;
                    }
                }

                return shape;
            case UsingStatementSyntax { Statement: { } usingBody }:
                return Scan(usingBody);
            case LockStatementSyntax { Statement: { } lockBody }:
                return Scan(lockBody);
            case TryStatementSyntax tryStatement:
                foreach (var catchClause in tryStatement.Catches)
                {
                    if (RetryCandidateSyntax.MayGoOn(catchClause))
                    {
                        return BodyShape.RetryingTry;
                    }
                }

                return BodyShape.Neither;
            case IfStatementSyntax check when EndsByLeavingOrContinuing(check.Statement) && ResultConditionSyntax.MayTestResult(check.Condition):
                return BodyShape.ResultCheck;
            default:
                return BodyShape.Neither;
        }
    }

    private static bool EndsByLeavingOrContinuing(StatementSyntax branch) =>
        LastStatement(branch) is ReturnStatementSyntax or BreakStatementSyntax or ContinueStatementSyntax;

    /// <summary>The last statement run, looking into blocks, <c>using</c> and <c>lock</c>.</summary>
    private static StatementSyntax? LastStatement(StatementSyntax statement) => statement switch
    {
        BlockSyntax block => block.Statements.Count == 0 ? null : LastStatement(block.Statements[block.Statements.Count - 1]),
        UsingStatementSyntax { Statement: { } usingBody } => LastStatement(usingBody),
        LockStatementSyntax { Statement: { } lockBody } => LastStatement(lockBody),
        _ => statement,
    };
}
