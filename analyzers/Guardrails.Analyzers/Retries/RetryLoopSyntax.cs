using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Guardrails.Analyzers.Retries;

/// <summary>
/// The syntax filter in front of the retry loop detector. A loop retries after an exception only through a
/// <c>try</c> among the statements of its body (looking through blocks, <c>using</c> and <c>lock</c>, as the
/// detector does) with a catch that lets the loop go round again and a way out once the try worked, and not while
/// its condition takes the next piece of data (<c>while (reader.Read())</c>); it retries after a failed result only when it calls an action (or, for
/// an HTTP status check, any call) and tests what the call returned. A loop with neither never has its method bound.
/// </summary>
internal static class RetryLoopSyntax
{
    /// <summary>What the loop may be a retry of, or <see cref="RetryLoopShape.None"/> when it cannot be one.</summary>
    public static RetryLoopShape Classify(StatementSyntax loop)
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
            return RetryLoopShape.None;
        }

        // One pass over the body's statements, without iterators: this runs on every loop of the codebase, and on
        // almost every one it finds nothing, so any walk of the whole loop is left for the few that remain.
        var loopFacts = new LoopFacts(condition, body, new ComputedLocals(loop));
        var shape = Scan(body, next: null, loopFacts);
        if ((shape & RetryLoopShape.RetryingTry) != 0)
        {
            return RetryLoopShape.Anything;
        }

        if (condition is not null)
        {
            if (ResultConditionSyntax.MayTestStatus(condition))
            {
                shape |= RetryLoopShape.StatusCheck | RetryLoopShape.ConditionCheck;
            }
            else if (ResultConditionSyntax.MayTestResult(condition, loopFacts.Computed))
            {
                shape |= RetryLoopShape.ResultCheck | RetryLoopShape.ConditionCheck;
            }
        }

        return (shape & (RetryLoopShape.ResultCheck | RetryLoopShape.StatusCheck)) != 0 && KeepsResultOfCall(loop, anyCall: (shape & RetryLoopShape.StatusCheck) != 0)
            ? shape
            : RetryLoopShape.None;
    }

    /// <summary>What every statement of one loop is read against.</summary>
    private sealed class LoopFacts
    {
        public LoopFacts(ExpressionSyntax? condition, StatementSyntax body, ComputedLocals computed)
        {
            Condition = condition;
            Body = body;
            Computed = computed;
        }

        public ExpressionSyntax? Condition { get; }
        public StatementSyntax Body { get; }
        public ComputedLocals Computed { get; }
    }

    /// <summary>
    /// The statements the detector looks at (those of the body, through blocks, <c>using</c> and <c>lock</c>, each with
    /// the statement run after it): a try that may retry, an if or a switch that tests a result.
    /// </summary>
    private static RetryLoopShape Scan(StatementSyntax statement, StatementSyntax? next, LoopFacts loop)
    {
        switch (statement)
        {
            case BlockSyntax block:
                var shape = RetryLoopShape.None;
                var statements = block.Statements;
                for (var index = 0; index < statements.Count; index++)
                {
                    shape |= Scan(statements[index], index + 1 < statements.Count ? statements[index + 1] : next, loop);
                }

                return shape;
            case UsingStatementSyntax { Statement: { } usingBody }:
                return Scan(usingBody, next, loop);
            case LockStatementSyntax { Statement: { } lockBody }:
                return Scan(lockBody, next, loop);
            case TryStatementSyntax tryStatement:
                return MayRetryAfterCatch(tryStatement, next, loop) ? RetryLoopShape.RetryingTry : RetryLoopShape.None;
            case IfStatementSyntax check when EndsByLeavingOrContinuing(check.Statement):
                return ResultConditionSyntax.MayTestStatus(check.Condition) ? RetryLoopShape.StatusCheck
                    : ResultConditionSyntax.MayTestResult(check.Condition, loop.Computed) ? RetryLoopShape.ResultCheck
                    : RetryLoopShape.None;
            case SwitchStatementSyntax check when ResultConditionSyntax.NamesStatusCode(check.Expression) && AnySectionContinues(check):
                return RetryLoopShape.StatusCheck;
            default:
                return RetryLoopShape.None;
        }
    }

    /// <summary>
    /// A catch lets the loop go round again, the condition does not take the next piece of data, and the loop may
    /// leave once the try block worked: each is a test the detector makes, read here from the syntax alone.
    /// </summary>
    private static bool MayRetryAfterCatch(TryStatementSyntax tryStatement, StatementSyntax? next, LoopFacts loop)
    {
        var goesOn = false;
        foreach (var catchClause in tryStatement.Catches)
        {
            goesOn |= RetryCandidateSyntax.MayGoOn(catchClause);
        }

        return goesOn &&
            (loop.Condition is null || !TakesNextPiece(loop.Condition)) &&
            (LeavesAfter(next) || TryMayEndLoop(tryStatement.Block, loop) || ConditionMayWaitForState(loop.Condition, tryStatement.Block));
    }

    /// <summary><c>try { ... } catch { ... } break;</c> or <c>if (IsSuccess(response.StatusCode)) return response;</c> right after the try.</summary>
    private static bool LeavesAfter(StatementSyntax? next) =>
        LastStatement(next) is ReturnStatementSyntax or BreakStatementSyntax ||
        (next is IfStatementSyntax check && LastStatement(check.Statement) is ReturnStatementSyntax or BreakStatementSyntax);

    /// <summary>The try block returns, breaks or throws, or sets a local the loop reads to decide it is done (<c>done = true;</c>, <c>response = await ...;</c>).</summary>
    private static bool TryMayEndLoop(BlockSyntax tryBlock, LoopFacts loop)
    {
        foreach (var node in RetryCandidateSyntax.NodesInSameBody(tryBlock))
        {
            switch (node)
            {
                case ReturnStatementSyntax or BreakStatementSyntax or ThrowStatementSyntax:
                    return true;
                case AssignmentExpressionSyntax { RawKind: (int)SyntaxKind.SimpleAssignmentExpression } assignment
                    when RightmostName(assignment.Left) is { } target && IsReadToEndLoop(target, loop):
                    return true;
            }
        }

        return false;
    }

    /// <summary>The name appears in the loop's condition, or is the whole condition of an <c>if</c> among the body's statements (<c>if (done) break;</c>).</summary>
    private static bool IsReadToEndLoop(string name, LoopFacts loop) =>
        (loop.Condition is not null && MentionsName(loop.Condition, name)) || IsFlagOfIf(loop.Body, name);

    private static bool IsFlagOfIf(StatementSyntax statement, string name) => statement switch
    {
        BlockSyntax block => AnyIsFlagOfIf(block.Statements, name),
        UsingStatementSyntax { Statement: { } usingBody } => IsFlagOfIf(usingBody, name),
        LockStatementSyntax { Statement: { } lockBody } => IsFlagOfIf(lockBody, name),
        IfStatementSyntax check => StripParentheses(check.Condition) is IdentifierNameSyntax flag && flag.Identifier.ValueText == name,
        _ => false,
    };

    private static bool AnyIsFlagOfIf(SyntaxList<StatementSyntax> statements, string name)
    {
        foreach (var statement in statements)
        {
            if (IsFlagOfIf(statement, name))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// <c>while (!client.IsConnected) { try { client.Connect(); } ... }</c> or <c>while (File.Exists(path))</c>: the
    /// condition waits for the state an action in the try block sets (the detector then checks the symbols).
    /// </summary>
    private static bool ConditionMayWaitForState(ExpressionSyntax? condition, BlockSyntax tryBlock)
    {
        if (condition is null)
        {
            return false;
        }

        foreach (var node in condition.DescendantNodesAndSelf(node => !RetryCandidateSyntax.IsNestedFunction(node)))
        {
            switch (node)
            {
                case InvocationExpressionSyntax query when RetryCandidateSyntax.CalledName(query.Expression) is { } name && RetryLoopDetector.IsStateQuery(name):
                    return true;
                case PrefixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.LogicalNotExpression } negation
                    when StripParentheses(negation.Operand) is MemberAccessExpressionSyntax { Expression: var awaited } &&
                         RightmostName(awaited) is { } awaitedName && ActsOn(tryBlock, awaitedName):
                    return true;
            }
        }

        return false;
    }

    /// <summary>A call in the try block on the object named <paramref name="name"/> (<c>client.Connect()</c>, <c>this.client.Connect()</c>).</summary>
    private static bool ActsOn(BlockSyntax tryBlock, string name)
    {
        foreach (var node in RetryCandidateSyntax.NodesInSameBody(tryBlock))
        {
            if (node is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Expression: var receiver } } && RightmostName(receiver) == name)
            {
                return true;
            }
        }

        return false;
    }

    private static string? RightmostName(ExpressionSyntax expression) => StripParentheses(expression) switch
    {
        IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
        MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText,
        _ => null,
    };

    private static ExpressionSyntax StripParentheses(ExpressionSyntax expression)
    {
        while (expression is ParenthesizedExpressionSyntax parenthesized)
        {
            expression = parenthesized.Expression;
        }

        return expression;
    }

    private static bool MentionsName(ExpressionSyntax expression, string name)
    {
        foreach (var node in expression.DescendantNodesAndSelf())
        {
            if (node is IdentifierNameSyntax identifier && identifier.Identifier.ValueText == name)
            {
                return true;
            }
        }

        return false;
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
    /// read from the syntax as the detector reads it from the symbols. The two names differ only for a delegate
    /// (<c>ReadNext()</c> on a <c>Func&lt;bool&gt;</c> field is <c>Invoke</c> to the detector), which this turns away.
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
    private static StatementSyntax? LastStatement(StatementSyntax? statement) => statement switch
    {
        BlockSyntax block => block.Statements.Count == 0 ? null : LastStatement(block.Statements[block.Statements.Count - 1]),
        UsingStatementSyntax { Statement: { } usingBody } => LastStatement(usingBody),
        LockStatementSyntax { Statement: { } lockBody } => LastStatement(lockBody),
        _ => statement,
    };
}
