using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using Guardrails.Analyzers.Retries;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Guardrails.Analyzers.CodeFixes.Retries;

/// <summary>
/// Reads a retry loop in its canonical shape, the only one rewritten into a Polly pipeline:
/// <code>
/// for (var attempt = S; [attempt &lt; E]; attempt++)       or:  var attempt = S; while (true)
/// {
///     try { ...operation...; break | return [value]; }
///     catch (T) [when (attempt &lt; K)] { [attempt++;] [if (attempt &gt;= K) throw;] [Thread.Sleep / await Task.Delay(wait[, token]);] [delay *= 2;] }
/// }
/// [throw ...;]
/// </code>
/// Anything else (logging in the catch, jitter, a counter the operation reads, a last failure swallowed) gets
/// no fix: a rewrite that changed behaviour would be worse than none.
/// </summary>
internal static class CanonicalRetryLoop
{
    public static RetryPipelinePlan? TryRead(RetryLoopMatch match, SemanticModel model)
    {
        if (match.Kind != RetryLoopKind.AfterException ||
            match.Loop.Syntax is not (ForStatementSyntax or WhileStatementSyntax) ||
            match.Try is not { Finally: null } tryOperation ||
            tryOperation.Body.Syntax is not BlockSyntax tryBlock ||
            match.Loop.Body is not IBlockOperation { Operations.Length: 1 } loopBody ||
            loopBody.Operations[0] != tryOperation ||
            tryOperation.Catches.Length != match.RetryingCatches.Length)
        {
            return null;
        }

        var loop = match.Loop;
        var loopSyntax = (StatementSyntax)loop.Syntax;

        // The rewrite is several statements (a declaration among them): it needs a block to stand in.
        if (loopSyntax.Parent is not BlockSyntax)
        {
            return null;
        }

        var declarationsToRemove = ImmutableArray.CreateBuilder<StatementSyntax>();
        ILocalSymbol counter;
        int start;
        int? lastAttemptValue;
        var counterStepsInCatch = false;
        if (loop is IForLoopOperation forLoop)
        {
            if (ReadCounter(forLoop) is not (ILocalSymbol forCounter, int forStart) ||
                !TryReadLoopLimit(forLoop.Condition, forCounter, out lastAttemptValue))
            {
                return null;
            }

            (counter, start) = (forCounter, forStart);
        }
        else if (loop is IWhileLoopOperation { ConditionIsTop: true, Condition.ConstantValue: { HasValue: true, Value: true } } &&
                 CounterDeclaredBefore(loopSyntax, loop, model) is (ILocalSymbol whileCounter, int whileStart, LocalDeclarationStatementSyntax declaration))
        {
            // var attempt = S; while (true) { try { ... } catch (...) { attempt++; ... } }
            (counter, start, lastAttemptValue, counterStepsInCatch) = (whileCounter, whileStart, null, true);
            declarationsToRemove.Add(declaration);
        }
        else
        {
            return null;
        }

        var handledTypes = ImmutableArray.CreateBuilder<string>();
        int? giveUpAt = null;
        var delaysAfterStep = false;
        var delayVariableUpdates = new List<IOperation>();
        for (var index = 0; index < tryOperation.Catches.Length; index++)
        {
            var catchClause = tryOperation.Catches[index];
            if (!TryReadCatch(catchClause, counter, counterStepsInCatch, match.Delay, out var catchGiveUpAt, out var catchDelaysAfterStep, delayVariableUpdates) ||
                (index > 0 && (catchGiveUpAt != giveUpAt || catchDelaysAfterStep != delaysAfterStep)))
            {
                return null;
            }

            giveUpAt = catchGiveUpAt;
            delaysAfterStep = catchDelaysAfterStep;
            var type = catchClause.ExceptionType is { SpecialType: not SpecialType.System_Object } exceptionType
                ? exceptionType.ToMinimalDisplayString(model, loopSyntax.SpanStart)
                : "Exception";
            handledTypes.Add(type);
        }

        var nextStatement = NextStatement(loopSyntax);
        int retries;
        ThrowStatementSyntax? throwWhenExhausted = null;
        if (giveUpAt is { } limit)
        {
            // The catch lets the failure of attempt number `limit` escape, as Polly does once retries run out.
            if (lastAttemptValue is { } last && limit > last)
            {
                return null;
            }

            retries = limit - start;
        }
        else
        {
            // Without a guard the loop runs out and the code after it decides; only a throw keeps the failure visible.
            if (lastAttemptValue is not { } last || nextStatement is not ThrowStatementSyntax throwAfter || throwAfter.Expression is null ||
                ReferencesLoopState(model, throwAfter, loopSyntax))
            {
                return null;
            }

            retries = last - start;
            throwWhenExhausted = throwAfter;
        }

        if (retries < 1 || !TryReadTryBlock(tryOperation, tryBlock, counter, loop, out var exit, out var returned, out var statements))
        {
            return null;
        }

        StatementSyntax? unreachableAfterLoop = null;
        if (throwWhenExhausted is null && exit != RetryLoopExit.Break && nextStatement is not null)
        {
            // The loop never ran past its end; a throw or return after it was only there to please the compiler.
            if (nextStatement is not (ThrowStatementSyntax or ReturnStatementSyntax) || NextStatement(nextStatement) is not null)
            {
                return null;
            }

            unreachableAfterLoop = nextStatement;
        }

        // A delay after `attempt++` sees the counter one step further on.
        var counterAtFirstDelay = start + (delaysAfterStep ? 1 : 0);
        if (!TryReadDelay(match.Delay, counter, counterAtFirstDelay, loop, delayVariableUpdates, model, out var delayExpression, out var backoff, out var token, out var delayDeclaration, out var delayIsStatic))
        {
            return null;
        }

        if (delayDeclaration is not null)
        {
            declarationsToRemove.Add(delayDeclaration);
        }

        var awaitsInTry = OperationSearch.DescendantsInSameBody(tryOperation.Body).Any(node => node is IAwaitOperation);
        var awaitsDelay = match.Delay.Call?.Parent is IAwaitOperation || match.Delay.Call?.Parent?.Parent is IAwaitOperation;
        if (awaitsDelay && !awaitsInTry)
        {
            return null;
        }

        var configureAwaitFalse = OperationSearch.DescendantsInSameBody(loop)
            .OfType<IInvocationOperation>()
            .Any(invocation => invocation.TargetMethod.Name == "ConfigureAwait" && invocation.Arguments.Length == 1 && invocation.Arguments[0].Value.ConstantValue is { HasValue: true, Value: false });

        return new RetryPipelinePlan(
            loopSyntax,
            handledTypes.ToImmutable(),
            retries,
            delayExpression,
            backoff,
            token,
            isAsync: awaitsInTry,
            configureAwaitFalse,
            statements,
            exit,
            returned,
            throwWhenExhausted,
            unreachableAfterLoop,
            declarationsToRemove.ToImmutable(),
            settingsAreStatic: delayIsStatic);
    }

    /// <summary>Reads no local, parameter or instance member: a static field initializer can hold it.</summary>
    private static bool IsStaticSafe(IOperation? operation) =>
        operation is null ||
        !operation.Descendants().Prepend(operation).Any(node => node is ILocalReferenceOperation or IParameterReferenceOperation or IInstanceReferenceOperation);

    private static (ILocalSymbol Counter, int Start)? ReadCounter(IForLoopOperation forLoop)
    {
        if (forLoop.Before.Length != 1 ||
            forLoop.Before[0] is not IVariableDeclarationGroupOperation { Declarations.Length: 1 } group ||
            group.Declarations[0].Declarators.Length != 1)
        {
            return null;
        }

        var declarator = group.Declarations[0].Declarators[0];
        var initializer = declarator.Initializer?.Value ?? group.Declarations[0].Initializer?.Value;
        if (initializer?.ConstantValue is not { HasValue: true, Value: int start } ||
            declarator.Symbol.Type.SpecialType != SpecialType.System_Int32 ||
            forLoop.AtLoopBottom.Length != 1 ||
            !IsStepByOne(OperationSearch.Unwrap(forLoop.AtLoopBottom[0]), declarator.Symbol))
        {
            return null;
        }

        return (declarator.Symbol, start);
    }

    private static bool IsStepByOne(IOperation operation, ILocalSymbol counter) => operation switch
    {
        IIncrementOrDecrementOperation { Kind: OperationKind.Increment, Target: ILocalReferenceOperation target } =>
            SymbolEqualityComparer.Default.Equals(target.Local, counter),
        ICompoundAssignmentOperation { OperatorKind: BinaryOperatorKind.Add, Target: ILocalReferenceOperation target, Value.ConstantValue: { HasValue: true, Value: 1 } } =>
            SymbolEqualityComparer.Default.Equals(target.Local, counter),
        _ => false,
    };

    /// <summary>No condition (runs until the catch gives up) or <c>attempt &lt; E</c> / <c>attempt &lt;= E</c>.</summary>
    private static bool TryReadLoopLimit(IOperation? condition, ILocalSymbol counter, out int? lastAttemptValue)
    {
        lastAttemptValue = null;
        if (condition is null)
        {
            return true;
        }

        if (ReadComparison(condition, counter) is not (BinaryOperatorKind kind, int bound))
        {
            return false;
        }

        lastAttemptValue = kind switch
        {
            BinaryOperatorKind.LessThan => bound - 1,
            BinaryOperatorKind.LessThanOrEqual => bound,
            _ => null,
        };
        return lastAttemptValue is not null;
    }

    /// <summary>A comparison of the counter with a constant, normalised so the counter is on the left.</summary>
    private static (BinaryOperatorKind Kind, int Bound)? ReadComparison(IOperation operation, ILocalSymbol counter)
    {
        if (operation is not IBinaryOperation binary)
        {
            return null;
        }

        if (IsCounter(binary.LeftOperand, counter) && binary.RightOperand.ConstantValue is { HasValue: true, Value: int right })
        {
            return (binary.OperatorKind, right);
        }

        if (IsCounter(binary.RightOperand, counter) && binary.LeftOperand.ConstantValue is { HasValue: true, Value: int left })
        {
            var mirrored = binary.OperatorKind switch
            {
                BinaryOperatorKind.LessThan => BinaryOperatorKind.GreaterThan,
                BinaryOperatorKind.LessThanOrEqual => BinaryOperatorKind.GreaterThanOrEqual,
                BinaryOperatorKind.GreaterThan => BinaryOperatorKind.LessThan,
                BinaryOperatorKind.GreaterThanOrEqual => BinaryOperatorKind.LessThanOrEqual,
                var same => same,
            };
            return (mirrored, left);
        }

        return null;
    }

    private static bool IsCounter(IOperation operation, ILocalSymbol counter) =>
        OperationSearch.Unwrap(operation) switch
        {
            ILocalReferenceOperation reference => SymbolEqualityComparer.Default.Equals(reference.Local, counter),
            IIncrementOrDecrementOperation { IsPostfix: false, Target: ILocalReferenceOperation stepped } => SymbolEqualityComparer.Default.Equals(stepped.Local, counter),
            _ => false,
        };

    /// <summary>
    /// The catch holds nothing but the retry's own parts: a give-up guard (filter or <c>if (...) throw;</c>), the
    /// delay, the growth of a delay variable and, for a <c>while</c> loop, the counter's step. <paramref name="giveUpAt"/>
    /// is the counter value, as it was when the catch began, whose failure escapes.
    /// </summary>
    private static bool TryReadCatch(
        ICatchClauseOperation catchClause,
        ILocalSymbol counter,
        bool counterStepsInCatch,
        RetryDelay delay,
        out int? giveUpAt,
        out bool delaysAfterStep,
        List<IOperation> delayVariableUpdates)
    {
        giveUpAt = null;
        delaysAfterStep = false;
        var stepped = false;
        if (catchClause.Filter is { } filter)
        {
            // when (attempt < K): attempt K is not caught.
            giveUpAt = ReadComparison(filter, counter) switch
            {
                (BinaryOperatorKind.LessThan, var bound) => bound,
                (BinaryOperatorKind.LessThanOrEqual, var bound) => bound + 1,
                _ => null,
            };
            if (giveUpAt is null)
            {
                return false;
            }
        }

        foreach (var statement in catchClause.Handler.Operations)
        {
            var unwrapped = OperationSearch.Unwrap(statement);
            if (delay.Call is not null && unwrapped == delay.Call)
            {
                delaysAfterStep = stepped;
                continue;
            }

            if (counterStepsInCatch && !stepped && IsStepByOne(unwrapped, counter))
            {
                stepped = true;
                continue;
            }

            if (unwrapped is ICompoundAssignmentOperation { OperatorKind: BinaryOperatorKind.Multiply } or ISimpleAssignmentOperation)
            {
                delayVariableUpdates.Add(unwrapped);
                continue;
            }

            if (statement is IConditionalOperation { WhenFalse: null } guard && giveUpAt is null && IsRethrow(guard.WhenTrue))
            {
                // if (attempt >= K) throw;  /  if (++attempt >= K) throw;  /  attempt++; if (attempt >= K) throw;
                var comparedAfterStep = stepped;
                var condition = guard.Condition;
                if (counterStepsInCatch && !stepped && condition is IBinaryOperation { LeftOperand: var left } &&
                    left is IIncrementOrDecrementOperation { IsPostfix: false } && IsStepByOne(left, counter))
                {
                    stepped = comparedAfterStep = true;
                }

                var bound = ReadComparison(condition, counter) switch
                {
                    (BinaryOperatorKind.GreaterThanOrEqual, var value) => value,
                    (BinaryOperatorKind.Equals, var value) => value,
                    (BinaryOperatorKind.GreaterThan, var value) => value + 1,
                    _ => (int?)null,
                };
                if (bound is null)
                {
                    return false;
                }

                giveUpAt = comparedAfterStep ? bound - 1 : bound;
                continue;
            }

            return false;
        }

        // In a while loop the catch is the only place the counter moves; without the step the limit never comes.
        return stepped == counterStepsInCatch;
    }

    /// <summary><c>var attempt = S;</c> in the same block before the loop, used nowhere but the loop.</summary>
    private static (ILocalSymbol Counter, int Start, LocalDeclarationStatementSyntax Declaration)? CounterDeclaredBefore(StatementSyntax loopSyntax, ILoopOperation loop, SemanticModel model)
    {
        if (loopSyntax.Parent is not BlockSyntax block)
        {
            return null;
        }

        foreach (var declaration in block.Statements.TakeWhile(statement => statement != loopSyntax).OfType<LocalDeclarationStatementSyntax>())
        {
            if (declaration.Declaration.Variables.Count != 1 ||
                model.GetDeclaredSymbol(declaration.Declaration.Variables[0]) is not ILocalSymbol { Type.SpecialType: SpecialType.System_Int32 } local ||
                !OperationSearch.DescendantsInSameBody(loop).OfType<IIncrementOrDecrementOperation>().Any(step => IsStepByOne(step, local)))
            {
                continue;
            }

            return declaration.Declaration.Variables[0].Initializer?.Value is { } initializer &&
                   model.GetConstantValue(initializer) is { HasValue: true, Value: int start } &&
                   IsUsedOnlyInLoop(declaration, loop, model)
                ? (local, start, declaration)
                : null;
        }

        return null;
    }

    private static bool IsRethrow(IOperation operation)
    {
        var statements = OperationSearch.TopLevelStatements(operation).ToArray();
        return statements.Length == 1 && OperationSearch.Unwrap(statements[0]) is IThrowOperation { Exception: null };
    }

    private static bool TryReadTryBlock(
        ITryOperation tryOperation,
        BlockSyntax tryBlock,
        ILocalSymbol counter,
        ILoopOperation loop,
        out RetryLoopExit exit,
        out ExpressionSyntax? returned,
        out ImmutableArray<StatementSyntax> statements)
    {
        exit = RetryLoopExit.Break;
        returned = null;
        statements = ImmutableArray<StatementSyntax>.Empty;
        if (tryBlock.Statements.Count == 0)
        {
            return false;
        }

        switch (tryBlock.Statements[tryBlock.Statements.Count - 1])
        {
            case BreakStatementSyntax:
                exit = RetryLoopExit.Break;
                break;
            case ReturnStatementSyntax { Expression: null }:
                exit = RetryLoopExit.Return;
                break;
            case ReturnStatementSyntax { Expression: { } value }:
                exit = RetryLoopExit.ReturnValue;
                returned = value;
                break;
            default:
                return false;
        }

        var lastStatementSpan = tryBlock.Statements[tryBlock.Statements.Count - 1].Span;
        foreach (var node in OperationSearch.DescendantsInSameBody(tryOperation.Body))
        {
            var leavesEarly = !lastStatementSpan.Contains(node.Syntax.Span) && node switch
            {
                IReturnOperation => true,
                IBranchOperation branch => branch.BranchKind == BranchKind.GoTo ||
                    SymbolEqualityComparer.Default.Equals(branch.Target, loop.ExitLabel) ||
                    SymbolEqualityComparer.Default.Equals(branch.Target, loop.ContinueLabel),
                _ => false,
            };

            // A lambda cannot see the counter (it is gone), capture ref locals or parameters, or `this` of a struct.
            var cannotMoveIntoLambda = node switch
            {
                ILocalReferenceOperation local => SymbolEqualityComparer.Default.Equals(local.Local, counter) || local.Local.IsRef || local.Local.Type.IsRefLikeType,
                IParameterReferenceOperation parameter => parameter.Parameter.RefKind != RefKind.None || parameter.Parameter.Type.IsRefLikeType,
                IInstanceReferenceOperation instance => instance.Type?.IsValueType == true,
                _ => false,
            };
            if (leavesEarly || cannotMoveIntoLambda)
            {
                return false;
            }
        }

        // Take, not RemoveAt: the statements stay in the document's tree, where the semantic model can read them.
        statements = tryBlock.Statements.Take(tryBlock.Statements.Count - 1).ToImmutableArray();
        return true;
    }

    private static bool TryReadDelay(
        RetryDelay delay,
        ILocalSymbol counter,
        int start,
        ILoopOperation loop,
        List<IOperation> delayVariableUpdates,
        SemanticModel model,
        out string delayExpression,
        out BackoffKind backoff,
        out string? token,
        out LocalDeclarationStatementSyntax? delayDeclaration,
        out bool delayIsStatic)
    {
        // Computed delays (linear, powers of two) are written as constants; copied expressions are checked.
        delayIsStatic = true;
        delayExpression = "TimeSpan.Zero";
        backoff = BackoffKind.Constant;
        token = null;
        delayDeclaration = null;
        if (delay.Call is null)
        {
            return delayVariableUpdates.Count == 0;
        }

        var method = delay.Call.TargetMethod;
        if (delay.HasJitter || delay.Argument is null ||
            !((method.Name == "Sleep" && method.ContainingType.Name == "Thread") || (method.Name == "Delay" && method.ContainingType.Name == "Task")))
        {
            return false;
        }

        foreach (var argument in delay.Call.Arguments)
        {
            if (argument.Value.Type?.Name == "CancellationToken" && argument.ArgumentKind == ArgumentKind.Explicit)
            {
                token = argument.Value.Syntax.ToString();
            }
        }

        var wait = delay.Argument;
        var isTimeSpan = wait.Type?.Name == "TimeSpan";
        switch (delay.Backoff)
        {
            case BackoffKind.Constant when delayVariableUpdates.Count == 0 && !ReadsLoopState(wait, loop):
                delayExpression = isTimeSpan ? wait.Syntax.ToString() : $"TimeSpan.FromMilliseconds({wait.Syntax})";
                delayIsStatic = IsStaticSafe(wait);
                return true;
            case BackoffKind.Linear when delayVariableUpdates.Count == 0 && LinearStep(wait, counter, start) is ({ } unit, { } step):
                // step, 2 step, 3 step... from the first retry on, which is Polly's linear backoff.
                backoff = BackoffKind.Linear;
                delayExpression = $"TimeSpan.{unit}({step.ToString(CultureInfo.InvariantCulture)})";
                return true;
            case BackoffKind.Exponential when delayVariableUpdates.Count == 0 && TimeSpanOfPowerOfTwo(wait, counter) is ({ } unit, { } factor):
                // TimeSpan.FromSeconds(Math.Pow(2, attempt) [* factor]).
                backoff = BackoffKind.Exponential;
                delayExpression = $"TimeSpan.{unit}({(factor * Math.Pow(2, start)).ToString(CultureInfo.InvariantCulture)})";
                return true;
            case BackoffKind.Exponential when delayVariableUpdates.Count == 0 && MultipliesPowerOfTwo(wait, counter) is { } factor:
                // wait = factor * 2^attempt: the first retry waits factor * 2^start, then doubles, as Polly's exponential backoff.
                backoff = BackoffKind.Exponential;
                delayExpression = $"TimeSpan.FromMilliseconds({(factor * Math.Pow(2, start)).ToString(CultureInfo.InvariantCulture)})";
                return true;
            case BackoffKind.Exponential when DoubledDelayVariable(wait, delay.Call, delayVariableUpdates, loop, model) is { } declaration:
                backoff = BackoffKind.Exponential;
                var initializer = declaration.Declaration.Variables[0].Initializer!.Value.ToString();
                delayExpression = isTimeSpan ? initializer : $"TimeSpan.FromMilliseconds({initializer})";
                delayDeclaration = IsUsedOnlyInLoop(declaration, loop, model) ? declaration : null;
                delayIsStatic = IsStaticSafe(model.GetOperation(declaration.Declaration.Variables[0].Initializer!.Value));
                return true;
            default:
                return false;
        }
    }

    private static bool ReadsLoopState(IOperation wait, ILoopOperation loop)
    {
        var loopSpan = loop.Syntax.Span;
        return OperationSearch.DescendantsInSameBody(wait).Prepend(wait)
            .Select(RetryDelayInference.VariableOf)
            .OfType<ILocalSymbol>()
            .Any(local => local.DeclaringSyntaxReferences.Any(reference => loopSpan.Contains(reference.Span)) ||
                          OperationSearch.DescendantsInSameBody(loop).OfType<IAssignmentOperation>().Any(assignment =>
                              SymbolEqualityComparer.Default.Equals(RetryDelayInference.VariableOf(assignment.Target), local)));
    }

    /// <summary>
    /// <c>step * (attempt + offset)</c> in milliseconds, or inside <c>TimeSpan.FromMilliseconds/FromSeconds/FromMinutes</c>,
    /// when it waits exactly one step at the first retry (<c>250 * attempt</c> from attempt 1, <c>200 * (attempt + 1)</c>
    /// from attempt 0): the TimeSpan factory and the step; null for any other line, which Polly could not keep.
    /// </summary>
    private static (string? Unit, double? Step) LinearStep(IOperation wait, ILocalSymbol counter, int counterAtFirstDelay)
    {
        var unit = "FromMilliseconds";
        var value = OperationSearch.Unwrap(wait);
        if (value is IInvocationOperation { TargetMethod: { IsStatic: true, ContainingType.Name: "TimeSpan", Name: "FromMilliseconds" or "FromSeconds" or "FromMinutes" } from, Arguments.Length: 1 } invocation)
        {
            unit = from.Name;
            value = OperationSearch.Unwrap(invocation.Arguments[0].Value);
        }

        if (value is not IBinaryOperation { OperatorKind: BinaryOperatorKind.Multiply } multiply)
        {
            return (null, null);
        }

        var (step, offset) = CounterOffset(multiply.LeftOperand, counter) is { } leftOffset
            ? (Number(multiply.RightOperand), leftOffset)
            : (Number(multiply.LeftOperand), CounterOffset(multiply.RightOperand, counter));
        return step is not null && counterAtFirstDelay + offset == 1 ? (unit, step) : (null, null);
    }

    /// <summary><c>attempt</c> is 0, <c>attempt + k</c> or <c>k + attempt</c> is k (a constant int); anything else null.</summary>
    private static int? CounterOffset(IOperation operation, ILocalSymbol counter)
    {
        if (IsCounter(operation, counter))
        {
            return 0;
        }

        return OperationSearch.Unwrap(operation) switch
        {
            IBinaryOperation { OperatorKind: BinaryOperatorKind.Add, RightOperand.ConstantValue: { HasValue: true, Value: int right } } add when IsCounter(add.LeftOperand, counter) => right,
            IBinaryOperation { OperatorKind: BinaryOperatorKind.Add, LeftOperand.ConstantValue: { HasValue: true, Value: int left } } add when IsCounter(add.RightOperand, counter) => left,
            _ => null,
        };
    }

    private static (string? Unit, double? Factor) TimeSpanOfPowerOfTwo(IOperation wait, ILocalSymbol counter)
    {
        if (OperationSearch.Unwrap(wait) is not IInvocationOperation { TargetMethod: { IsStatic: true, ContainingType.Name: "TimeSpan", Name: "FromMilliseconds" or "FromSeconds" or "FromMinutes" } from, Arguments.Length: 1 } invocation)
        {
            return (null, null);
        }

        var argument = invocation.Arguments[0].Value;
        var factor = IsPowerOfTwo(argument, counter) ? 1d : MultipliesPowerOfTwo(argument, counter);
        return (from.Name, factor);
    }

    private static double? MultipliesPowerOfTwo(IOperation wait, ILocalSymbol counter)
    {
        if (OperationSearch.Unwrap(wait) is not IBinaryOperation { OperatorKind: BinaryOperatorKind.Multiply } multiply)
        {
            return null;
        }

        if (IsPowerOfTwo(multiply.LeftOperand, counter))
        {
            return Number(multiply.RightOperand);
        }

        return IsPowerOfTwo(multiply.RightOperand, counter) ? Number(multiply.LeftOperand) : null;
    }

    private static bool IsPowerOfTwo(IOperation operation, ILocalSymbol counter)
    {
        var unwrapped = operation;
        while (unwrapped is IConversionOperation conversion)
        {
            unwrapped = conversion.Operand;
        }

        return unwrapped is IInvocationOperation { TargetMethod.Name: "Pow", Arguments.Length: 2 } pow &&
            pow.Arguments[0].Value.ConstantValue is { HasValue: true, Value: 2 or 2d } &&
            IsCounter(StripConversions(pow.Arguments[1].Value), counter);
    }

    private static IOperation StripConversions(IOperation operation)
    {
        var current = operation;
        while (current is IConversionOperation conversion)
        {
            current = conversion.Operand;
        }

        return current;
    }

    private static double? Number(IOperation operation) => StripConversions(operation).ConstantValue switch
    {
        { HasValue: true, Value: int value } => value,
        { HasValue: true, Value: double value } => value,
        { HasValue: true, Value: long value } => value,
        _ => null,
    };

    /// <summary><c>var delay = D;</c> before the loop, then <c>Sleep(delay); delay *= 2;</c> (doubling after the wait).</summary>
    private static LocalDeclarationStatementSyntax? DoubledDelayVariable(IOperation wait, IInvocationOperation call, List<IOperation> updates, ILoopOperation loop, SemanticModel model)
    {
        if (StripConversions(wait) is not ILocalReferenceOperation { Local: var delayLocal } ||
            updates.Count != 1 ||
            updates[0].Syntax.SpanStart < call.Syntax.SpanStart ||
            !IsDoubling(updates[0], delayLocal))
        {
            return null;
        }

        var declaration = delayLocal.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax() as VariableDeclaratorSyntax;
        if (declaration is not { Initializer: not null, Parent: VariableDeclarationSyntax { Variables.Count: 1, Parent: LocalDeclarationStatementSyntax statement } } ||
            statement.Parent != loop.Syntax.Parent ||
            model.GetOperation(declaration.Initializer.Value) is not { } initializer ||
            initializer.Descendants().Prepend(initializer).Any(node => node is ILocalReferenceOperation or IInvocationOperation { TargetMethod.IsStatic: false }))
        {
            return null;
        }

        return statement;
    }

    private static bool IsDoubling(IOperation update, ILocalSymbol local) => update switch
    {
        ICompoundAssignmentOperation { OperatorKind: BinaryOperatorKind.Multiply, Target: ILocalReferenceOperation target, Value.ConstantValue: { HasValue: true, Value: 2 or 2d } } =>
            SymbolEqualityComparer.Default.Equals(target.Local, local),
        ISimpleAssignmentOperation { Target: ILocalReferenceOperation target, Value: IBinaryOperation { OperatorKind: BinaryOperatorKind.Multiply } multiply } =>
            SymbolEqualityComparer.Default.Equals(target.Local, local) &&
            ((IsLocal(multiply.LeftOperand, local) && Number(multiply.RightOperand) == 2) || (IsLocal(multiply.RightOperand, local) && Number(multiply.LeftOperand) == 2)),
        _ => false,
    };

    private static bool IsLocal(IOperation operation, ILocalSymbol local) =>
        StripConversions(operation) is ILocalReferenceOperation reference && SymbolEqualityComparer.Default.Equals(reference.Local, local);

    private static bool IsUsedOnlyInLoop(LocalDeclarationStatementSyntax declaration, ILoopOperation loop, SemanticModel model)
    {
        var local = model.GetDeclaredSymbol(declaration.Declaration.Variables[0]);
        var block = declaration.Parent;
        if (local is null || block is null)
        {
            return false;
        }

        return block.DescendantNodes()
            .OfType<IdentifierNameSyntax>()
            .Where(identifier => identifier.Identifier.ValueText == local.Name && !loop.Syntax.Span.Contains(identifier.Span))
            .All(identifier => !SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(identifier).Symbol, local));
    }

    private static bool ReferencesLoopState(SemanticModel model, SyntaxNode node, StatementSyntax loop) =>
        node.DescendantNodes().OfType<IdentifierNameSyntax>().Any(identifier =>
            model.GetSymbolInfo(identifier).Symbol is ILocalSymbol local &&
            local.DeclaringSyntaxReferences.Any(reference => loop.Span.Contains(reference.Span)));

    private static StatementSyntax? NextStatement(StatementSyntax statement)
    {
        if (statement.Parent is not BlockSyntax block)
        {
            return null;
        }

        var index = block.Statements.IndexOf(statement);
        return index >= 0 && index + 1 < block.Statements.Count ? block.Statements[index + 1] : null;
    }
}
