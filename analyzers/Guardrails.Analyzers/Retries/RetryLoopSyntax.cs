using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Guardrails.Analyzers.Retries;

/// <summary>
/// The syntax filter in front of the retry loop detector. A loop retries after an exception only through a
/// <c>try</c> among the statements of its body (looking through blocks, <c>using</c> and <c>lock</c>, as the
/// detector does) with a catch that lets the loop go round again, and not while its condition takes the next piece
/// of data (<c>while (reader.Read())</c>); it retries after a failed result only when it calls an action (or, for
/// an HTTP status check, any call) and tests what the call returned. A loop with neither never has its method bound.
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

        // One pass over the body's statements, without iterators: this runs on every loop of the codebase, and on
        // almost every one it finds nothing, so the walk of the whole loop below is left for the few that remain.
        var shape = Scan(body);
        if ((shape & BodyShape.RetryingTry) != 0 && (condition is null || !TakesNextPiece(condition)))
        {
            return true;
        }

        if (condition is not null)
        {
            if (ResultConditionSyntax.MayTestStatus(condition))
            {
                shape |= BodyShape.StatusCheck;
            }
            else if (ResultConditionSyntax.MayTestResult(condition))
            {
                shape |= BodyShape.ResultCheck;
            }
        }

        return (shape & (BodyShape.ResultCheck | BodyShape.StatusCheck)) != 0 && KeepsResultOfCall(loop, anyCall: (shape & BodyShape.StatusCheck) != 0);
    }

    [System.Flags]
    private enum BodyShape
    {
        Neither = 0,
        ResultCheck = 1,
        StatusCheck = 2,
        RetryingTry = 4,
    }

    /// <summary>The statements the detector looks at (those of the body, through blocks, <c>using</c> and <c>lock</c>): a try that may retry, an if or a switch that tests a result.</summary>
    private static BodyShape Scan(StatementSyntax statement)
    {
        switch (statement)
        {
            case BlockSyntax block:
                var shape = BodyShape.Neither;
                foreach (var inner in block.Statements)
                {
                    shape |= Scan(inner);
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
            case IfStatementSyntax check when EndsByLeavingOrContinuing(check.Statement):
                return ResultConditionSyntax.MayTestStatus(check.Condition) ? BodyShape.StatusCheck
                    : ResultConditionSyntax.MayTestResult(check.Condition) ? BodyShape.ResultCheck
                    : BodyShape.Neither;
            case SwitchStatementSyntax check when ResultConditionSyntax.NamesStatusCode(check.Expression) && AnySectionContinues(check):
                return BodyShape.StatusCheck;
            default:
                return BodyShape.Neither;
        }
    }

    private static bool AnySectionContinues(SwitchStatementSyntax check)
    {
        foreach (var section in check.Sections)
        {
            if (section.Statements.Count > 0 && LastStatement(section.Statements[section.Statements.Count - 1]) is ContinueStatementSyntax)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A call in the condition named like one that takes the next piece of data (see <see cref="ActionNames.TakesNextPiece"/>),
    /// read from the syntax as the detector reads it from the symbols.
    /// </summary>
    private static bool TakesNextPiece(ExpressionSyntax condition)
    {
        foreach (var node in condition.DescendantNodesAndSelf(node => !RetryCandidateSyntax.IsNestedFunction(node)))
        {
            if (node is InvocationExpressionSyntax call && RetryCandidateSyntax.CalledName(call.Expression) is { } name && ActionNames.TakesNextPiece(name))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A call in the loop whose result is kept or tested: named like an action, or any call when the loop tests an HTTP status.</summary>
    private static bool KeepsResultOfCall(StatementSyntax loop, bool anyCall)
    {
        foreach (var node in RetryCandidateSyntax.NodesInSameBody(loop))
        {
            if (node is InvocationExpressionSyntax call &&
                (anyCall ? RetryCandidateSyntax.KeepsResult(call) : RetryCandidateSyntax.MayReportResultOfAction(call)))
            {
                return true;
            }
        }

        return false;
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
