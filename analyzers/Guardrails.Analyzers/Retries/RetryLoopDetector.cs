using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Guardrails.Analyzers.Retries;

/// <summary>
/// Recognises a loop that runs the same operation again after it failed. Precision comes first, so a loop is
/// a retry only when it both leaves on success (a <c>return</c>/<c>break</c>/success flag right after the
/// operation) and goes round again on failure; loops over items, worker loops, paging and polling of a
/// condition do not have that pair of exits.
/// </summary>
internal static class RetryLoopDetector
{
    /// <summary>The retry <paramref name="loop"/> is, looking everywhere (for a caller that has not run the syntax filter).</summary>
    public static RetryLoopMatch? Detect(ILoopOperation loop, RetryWellKnownTypes types) => Detect(loop, RetryLoopShape.Anything, types);

    /// <summary>The retry <paramref name="loop"/> is, looking only where its <paramref name="shape"/> (from the syntax filter) leaves open.</summary>
    public static RetryLoopMatch? Detect(ILoopOperation loop, RetryLoopShape shape, RetryWellKnownTypes types)
    {
        if (loop is not (IWhileLoopOperation or IForLoopOperation) || loop.Body is null)
        {
            return null;
        }

        var condition = ConditionOf(loop);
        var statements = OperationSearch.TopLevelStatements(loop.Body).ToImmutableArray();

        // Every retry shape has a try statement, a negated condition, an early exit on success or a switch on a status;
        // most loops have none.
        if (!statements.Any(statement => statement is ITryOperation or IConditionalOperation { WhenFalse: null } or ISwitchOperation) && !MayTestForFailure(condition))
        {
            return null;
        }

        var match = ((shape & RetryLoopShape.RetryingTry) != 0 ? DetectAfterException(loop, condition, statements, types) : null)
            ?? DetectAfterFailedResult(loop, condition, statements, shape, types);

        // Checked last: only a loop that looks like a retry pays for the look at its clock and tokens.
        return match is not null && PollingDeadline.Bounds(loop, condition, types) ? null : match;
    }

    private static bool MayTestForFailure(IOperation? condition) =>
        condition is not null &&
        OperationSearch.DescendantsInSameBody(condition).Prepend(condition).Any(node =>
            node is IUnaryOperation { OperatorKind: UnaryOperatorKind.Not } or IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals } ||
            (node is ILocalReferenceOperation { Local.Type.SpecialType: SpecialType.System_Boolean } && node.Parent is IBinaryOperation or null or IWhileLoopOperation or IForLoopOperation));

    public static IOperation? ConditionOf(ILoopOperation loop) => loop switch
    {
        IWhileLoopOperation whileLoop => whileLoop.Condition,
        IForLoopOperation forLoop => forLoop.Condition,
        _ => null,
    };

    private static RetryLoopMatch? DetectAfterException(ILoopOperation loop, IOperation? condition, ImmutableArray<IOperation> statements, RetryWellKnownTypes types)
    {
        // A loop with no try that catches (most that reach here test a result) pays for nothing below.
        if (!statements.Any(statement => statement is ITryOperation { Catches.IsEmpty: false }) || IteratesOverData(condition))
        {
            return null;
        }

        var successVariables = SuccessVariables(loop, condition, statements);
        var awaitedResults = NullTestedVariables(condition);
        for (var index = 0; index < statements.Length; index++)
        {
            if (statements[index] is not ITryOperation tryOperation || tryOperation.Catches.IsEmpty || ReadsConsoleInput(tryOperation.Body, types))
            {
                continue;
            }

            var retryingCatches = tryOperation.Catches
                .Where(c => !IsCancellation(c, types) && !IsInputFormatError(c, types) && LetsLoopContinue(c.Handler, loop))
                .ToImmutableArray();
            if (!LeavesOnSuccess(tryOperation.Body, loop, successVariables, awaitedResults, types) && !ConditionWaitsForStateTheTrySets(condition, tryOperation.Body, types))
            {
                // try { op(); } catch { ...; continue; } break;  -- the exit on success follows the try statement,
                // or tests what the try block produced: if (IsSuccess(response.StatusCode)) return response;
                if (index + 1 >= statements.Length ||
                    !(LeavesLoop(statements[index + 1], loop) || LeavesAfterTestingResultOf(statements[index + 1], tryOperation.Body, loop)))
                {
                    continue;
                }

                retryingCatches = retryingCatches.Where(c => ContinuesLoop(c.Handler, loop)).ToImmutableArray();
            }

            if (retryingCatches.IsEmpty || ChangesInputBetweenAttempts(loop, tryOperation.Body, types))
            {
                continue;
            }

            var counters = AttemptCounters.Find(loop);
            var limitSources = new List<IOperation?> { condition };
            limitSources.AddRange(retryingCatches.Select(c => c.Filter));
            limitSources.AddRange(retryingCatches.Select(c => (IOperation)c.Handler));
            return new RetryLoopMatch(
                RetryLoopKind.AfterException,
                loop,
                tryOperation,
                retryingCatches,
                failedResult: null,
                counters,
                AttemptCounters.FindLimit(limitSources, counters),
                RetryDelayInference.Infer(loop, counters, types),
                types.HttpInvolvementOf(tryOperation.Body, ContainingSymbolOf(loop)));
        }

        return null;
    }

    private static RetryLoopMatch? DetectAfterFailedResult(ILoopOperation loop, IOperation? condition, ImmutableArray<IOperation> statements, RetryLoopShape shape, RetryWellKnownTypes types)
    {
        var failed = ((shape & RetryLoopShape.ConditionCheck) != 0 ? FailureCheckedByCondition(loop, condition, types) : null)
            ?? SuccessCheckedInBody(loop, statements, types)
            ?? FailureCheckedInBody(loop, statements, types)
            ?? ((shape & RetryLoopShape.StatusCheck) != 0 ? FailureSwitchedInBody(loop, statements, types) : null);
        if (failed is null || ChangesInputBetweenAttempts(loop, failed.Action, types))
        {
            return null;
        }

        var counters = AttemptCounters.Find(loop);
        return new RetryLoopMatch(
            RetryLoopKind.AfterFailedResult,
            loop,
            tryOperation: null,
            retryingCatches: ImmutableArray<ICatchClauseOperation>.Empty,
            failed,
            counters,
            AttemptCounters.FindLimit([condition, loop.Body], counters),
            RetryDelayInference.Infer(loop, counters, types),
            types.HttpInvolvementOf(failed.Action, ContainingSymbolOf(loop)));
    }

    /// <summary><c>while (!ok ...)</c>, <c>while (!response.IsSuccessStatusCode ...)</c>, <c>do { ... } while (!TrySend() &amp;&amp; tries-- &gt; 0)</c>.</summary>
    private static FailedResult? FailureCheckedByCondition(ILoopOperation loop, IOperation? condition, RetryWellKnownTypes types) =>
        condition is null ? null : ResultChecks.Failure(condition, loop, types);

    /// <summary><c>if (ok) break;</c>, <c>if (response.IsSuccessStatusCode) return ...;</c>, <c>if (TrySend()) break;</c>.</summary>
    private static FailedResult? SuccessCheckedInBody(ILoopOperation loop, ImmutableArray<IOperation> statements, RetryWellKnownTypes types)
    {
        foreach (var statement in statements)
        {
            if (statement is IConditionalOperation { WhenFalse: null } check &&
                LeavesLoop(OperationSearch.TopLevelStatements(check.WhenTrue).LastOrDefault(), loop) &&
                ResultChecks.Success(check.Condition, loop, types) is { } failed)
            {
                return failed;
            }
        }

        return null;
    }

    /// <summary>
    /// <c>if (response.StatusCode == HttpStatusCode.TooManyRequests) { await Task.Delay(...); continue; } return response;</c>:
    /// the loop goes round again on a failed result and leaves, after the check, otherwise.
    /// </summary>
    private static FailedResult? FailureCheckedInBody(ILoopOperation loop, ImmutableArray<IOperation> statements, RetryWellKnownTypes types)
    {
        for (var index = 0; index < statements.Length; index++)
        {
            if (statements[index] is not IConditionalOperation check ||
                OperationSearch.TopLevelStatements(check.WhenTrue).LastOrDefault() is not IBranchOperation { BranchKind: BranchKind.Continue } goOn ||
                !SymbolEqualityComparer.Default.Equals(goOn.Target, loop.ContinueLabel))
            {
                continue;
            }

            var leavesOtherwise = check.WhenFalse is { } otherwise
                ? LeavesLoop(OperationSearch.TopLevelStatements(otherwise).LastOrDefault(), loop)
                : statements.Skip(index + 1).Any(statement => LeavesLoop(statement, loop));
            if (leavesOtherwise && ResultChecks.Failure(check.Condition, loop, types) is { } failed)
            {
                return failed;
            }
        }

        return null;
    }

    /// <summary>
    /// <c>switch (response.StatusCode) { case HttpStatusCode.Accepted: continue; case HttpStatusCode.OK: return response.Body; }</c>:
    /// a case goes round again on a transient or not-done-yet status, and the loop leaves in another case or after the switch.
    /// </summary>
    private static FailedResult? FailureSwitchedInBody(ILoopOperation loop, ImmutableArray<IOperation> statements, RetryWellKnownTypes types)
    {
        for (var index = 0; index < statements.Length; index++)
        {
            if (statements[index] is not ISwitchOperation check ||
                !(check.Cases.Any(section => LeavesLoop(LastStatementOf(section), loop)) ||
                  statements.Skip(index + 1).Any(statement => LeavesLoop(statement, loop))))
            {
                continue;
            }

            foreach (var section in check.Cases)
            {
                if (LastStatementOf(section) is not IBranchOperation { BranchKind: BranchKind.Continue } goOn ||
                    !SymbolEqualityComparer.Default.Equals(goOn.Target, loop.ContinueLabel))
                {
                    continue;
                }

                foreach (var clause in section.Clauses)
                {
                    var value = clause switch
                    {
                        ISingleValueCaseClauseOperation single => single.Value,
                        IPatternCaseClauseOperation { Pattern: IConstantPatternOperation constant } => constant.Value,
                        _ => null,
                    };
                    if (value is not null && ResultChecks.SwitchedStatusFailure(check.Value, value, loop, types) is { } failed)
                    {
                        return failed;
                    }
                }
            }
        }

        return null;
    }

    private static IOperation? LastStatementOf(ISwitchCaseOperation section) =>
        section.Body.IsEmpty ? null : OperationSearch.TopLevelStatements(section.Body[section.Body.Length - 1]).LastOrDefault();

    private static ISymbol? ContainingSymbolOf(IOperation operation) =>
        operation.SemanticModel?.GetEnclosingSymbol(operation.Syntax.SpanStart);

    /// <summary>
    /// The try block ends the loop when the operation worked: return, break, a success flag the loop reads, or,
    /// as its last statement, an <c>if</c> that leaves when the operation's result reports success.
    /// </summary>
    private static bool LeavesOnSuccess(IBlockOperation tryBody, ILoopOperation loop, ImmutableArray<ISymbol> successVariables, ImmutableArray<ISymbol> awaitedResults, RetryWellKnownTypes types)
    {
        IOperation? last = null;
        foreach (var statement in OperationSearch.TopLevelStatements(tryBody))
        {
            last = statement;
            if (LeavesLoop(statement, loop))
            {
                return true;
            }

            if (OperationSearch.Unwrap(statement) is ISimpleAssignmentOperation { Value.ConstantValue: { HasValue: true, Value: bool } } flagSet &&
                RetryDelayInference.VariableOf(flagSet.Target) is { } flag &&
                successVariables.Contains(flag, SymbolEqualityComparer.Default))
            {
                return true;
            }

            // while (response == null) { try { response = await RunAsync(); } catch ... }: the result ends the loop.
            if (OperationSearch.Unwrap(statement) is ISimpleAssignmentOperation { Value.ConstantValue.HasValue: false } resultSet &&
                RetryDelayInference.VariableOf(resultSet.Target) is { } result &&
                awaitedResults.Contains(result, SymbolEqualityComparer.Default))
            {
                return true;
            }
        }

        // if (File.Exists(path)) { using (...) { return Load(path); } } else { break; }: every way through leaves.
        if (last is not null && AlwaysLeaves(last, loop))
        {
            return true;
        }

        return last is IConditionalOperation { WhenFalse: null } check &&
            LeavesLoop(OperationSearch.TopLevelStatements(check.WhenTrue).LastOrDefault(), loop) &&
            ResultChecks.Success(check.Condition, loop, types) is not null;
    }

    /// <summary>The statement cannot complete normally: it returns, breaks out of the loop or throws on every path.</summary>
    private static bool AlwaysLeaves(IOperation statement, ILoopOperation loop) => statement switch
    {
        IConditionalOperation { WhenFalse: { } otherwise } branches =>
            OperationSearch.TopLevelStatements(branches.WhenTrue).LastOrDefault() is { } whenTrue && AlwaysLeaves(whenTrue, loop) &&
            OperationSearch.TopLevelStatements(otherwise).LastOrDefault() is { } whenFalse && AlwaysLeaves(whenFalse, loop),
        _ => LeavesLoop(statement, loop) || OperationSearch.Unwrap(statement) is IThrowOperation,
    };

    /// <summary><c>if (IsSuccess(response.StatusCode) || !IsRetriable(response.StatusCode)) return response;</c> right after the try that set <c>response</c>.</summary>
    private static bool LeavesAfterTestingResultOf(IOperation statement, IBlockOperation tryBody, ILoopOperation loop)
    {
        if (statement is not IConditionalOperation { WhenFalse: null } check ||
            !LeavesLoop(OperationSearch.TopLevelStatements(check.WhenTrue).LastOrDefault(), loop))
        {
            return false;
        }

        var produced = OperationSearch.DescendantsInSameBody(tryBody)
            .OfType<ISimpleAssignmentOperation>()
            .Select(assignment => RetryDelayInference.VariableOf(assignment.Target))
            .Where(symbol => symbol is ILocalSymbol)
            .Cast<ISymbol>()
            .ToImmutableArray();
        // It reads what the result says (response.StatusCode, result.Succeeded), not merely whether there is one:
        // if (line == null) break; after a read is the end of the data, not a success.
        return !produced.IsEmpty && OperationSearch.DescendantsInSameBody(check.Condition).Prepend(check.Condition).Any(node => node switch
        {
            IPropertyReferenceOperation { Instance: { } instance } => RetryDelayInference.ReferencesAny(instance, produced),
            IInvocationOperation { Instance: { } instance } => RetryDelayInference.ReferencesAny(instance, produced),
            _ => false,
        });
    }

    /// <summary><c>while (response == null)</c>, <c>for (...; result is null; ...)</c>: locals the loop waits to see set.</summary>
    private static ImmutableArray<ISymbol> NullTestedVariables(IOperation? condition)
    {
        if (condition is null)
        {
            return ImmutableArray<ISymbol>.Empty;
        }

        return OperationSearch.DescendantsInSameBody(condition).Prepend(condition)
            .Select(node => node switch
            {
                IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals } comparison when IsNull(comparison.RightOperand) => RetryDelayInference.VariableOf(comparison.LeftOperand),
                IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals } comparison when IsNull(comparison.LeftOperand) => RetryDelayInference.VariableOf(comparison.RightOperand),
                IIsPatternOperation { Pattern: IConstantPatternOperation { Value: var value } } test when IsNull(value) => RetryDelayInference.VariableOf(test.Value),
                _ => null,
            })
            .Where(symbol => symbol is ILocalSymbol)
            .Cast<ISymbol>()
            .ToImmutableArray();
    }

    private static bool IsNull(IOperation operation) =>
        OperationSearch.Unwrap(operation).ConstantValue is { HasValue: true, Value: null };

    /// <summary>
    /// <c>while (!client.IsConnected) { try { client.Connect(); } catch { ... } }</c>: the loop stops once the object
    /// the try block acts on reports the state that action establishes.
    /// </summary>
    private static bool ConditionWaitsForStateTheTrySets(IOperation? condition, IBlockOperation tryBody, RetryWellKnownTypes types)
    {
        if (condition is null)
        {
            return false;
        }

        var awaitedObjects = OperationSearch.DescendantsInSameBody(condition).Prepend(condition)
            .OfType<IUnaryOperation>()
            .Where(negation => negation.OperatorKind == UnaryOperatorKind.Not)
            .Select(negation => OperationSearch.Unwrap(negation.Operand))
            .OfType<IPropertyReferenceOperation>()
            .Where(property => property.Type?.SpecialType == SpecialType.System_Boolean && property.Instance is not null)
            .Select(property => RetryDelayInference.VariableOf(property.Instance!))
            .Where(symbol => symbol is not null)
            .ToImmutableArray();
        // while (File.Exists(path)) { try { File.Delete(path); } catch { ... } }: a state query on what the action takes.
        var queriedArguments = OperationSearch.DescendantsInSameBody(condition).Prepend(condition)
            .OfType<IInvocationOperation>()
            .Where(query => query.TargetMethod.ReturnType.SpecialType == SpecialType.System_Boolean && IsStateQuery(query.TargetMethod.Name))
            .SelectMany(query => query.Arguments.Select(argument => argument.Value.Syntax))
            .ToImmutableArray();
        if (!queriedArguments.IsEmpty &&
            OperationSearch.DescendantsInSameBody(tryBody).OfType<IInvocationOperation>().Any(action =>
                RetriedOperationRecognizer.IsRetriableAction(action, types) &&
                action.Arguments.Any(argument => argument.Value.ConstantValue is { HasValue: false } &&
                                                 queriedArguments.Any(queried => queried.IsEquivalentTo(argument.Value.Syntax)))))
        {
            return true;
        }

        if (awaitedObjects.IsEmpty)
        {
            return false;
        }

        return OperationSearch.DescendantsInSameBody(tryBody)
            .OfType<IInvocationOperation>()
            .Any(invocation => invocation.Instance is { } instance &&
                               RetryDelayInference.VariableOf(instance) is { } target &&
                               awaitedObjects.Contains(target, SymbolEqualityComparer.Default) &&
                               RetriedOperationRecognizer.IsRetriableAction(invocation, types));
    }

    /// <summary><c>File.Exists(path)</c>, <c>IsReady()</c>: a call that asks about a state rather than acting.</summary>
    internal static bool IsStateQuery(string name) =>
        name == "Exists" || (name.StartsWith("Is", System.StringComparison.Ordinal) && name.Length > 2 && char.IsUpper(name[2]));

    /// <summary>Variables the loop reads to decide it is done: those of its condition and of <c>if (done) break;</c>.</summary>
    private static ImmutableArray<ISymbol> SuccessVariables(ILoopOperation loop, IOperation? condition, ImmutableArray<IOperation> statements)
    {
        var variables = condition is null ? ImmutableArray<ISymbol>.Empty : VariablesIn(condition);
        foreach (var statement in statements)
        {
            if (statement is IConditionalOperation { WhenFalse: null } check &&
                LeavesLoop(OperationSearch.TopLevelStatements(check.WhenTrue).LastOrDefault(), loop) &&
                RetryDelayInference.VariableOf(OperationSearch.Unwrap(check.Condition)) is ILocalSymbol flag)
            {
                variables = variables.Add(flag);
            }
        }

        return variables;
    }

    /// <summary><c>while (reader.Read())</c>, <c>while (e.MoveNext())</c>: the loop walks through data, each turn on the next piece.</summary>
    private static bool IteratesOverData(IOperation? condition) =>
        condition is not null &&
        OperationSearch.DescendantsInSameBody(condition).Prepend(condition).OfType<IInvocationOperation>().Any(invocation =>
            ActionNames.TakesNextPiece(invocation.TargetMethod.Name));

    private static bool ContinuesLoop(IBlockOperation handler, ILoopOperation loop) =>
        OperationSearch.DescendantsInSameBody(handler)
            .OfType<IBranchOperation>()
            .Any(branch => branch.BranchKind == BranchKind.Continue && SymbolEqualityComparer.Default.Equals(branch.Target, loop.ContinueLabel));

    private static bool LeavesLoop(IOperation? statement, ILoopOperation loop) => statement switch
    {
        IReturnOperation { Kind: OperationKind.Return } => true,
        IBranchOperation { BranchKind: BranchKind.Break } branch => SymbolEqualityComparer.Default.Equals(branch.Target, loop.ExitLabel),
        _ => false,
    };

    /// <summary>The catch block does not end by leaving (throw, return, break) or it says <c>continue</c>.</summary>
    private static bool LetsLoopContinue(IBlockOperation handler, ILoopOperation loop)
    {
        if (handler.Operations.IsEmpty)
        {
            return true;
        }

        if (ContinuesLoop(handler, loop))
        {
            return true;
        }

        return OperationSearch.Unwrap(handler.Operations[handler.Operations.Length - 1]) switch
        {
            IThrowOperation => false,
            IReturnOperation => false,
            IBranchOperation { BranchKind: BranchKind.Break or BranchKind.GoTo } => false,
            _ => true,
        };
    }

    private static bool IsCancellation(ICatchClauseOperation catchClause, RetryWellKnownTypes types) =>
        catchClause.ExceptionType is { } type && RetryWellKnownTypes.IsOrDerivesFrom(type, types.OperationCanceledException);

    /// <summary>Bad input (FormatException, OverflowException) is not a transient fault: asking again is not a retry.</summary>
    private static bool IsInputFormatError(ICatchClauseOperation catchClause, RetryWellKnownTypes types) =>
        catchClause.ExceptionType is { } type &&
        (RetryWellKnownTypes.IsOrDerivesFrom(type, types.FormatException) || RetryWellKnownTypes.IsOrDerivesFrom(type, types.OverflowException));

    private static bool ReadsConsoleInput(IOperation region, RetryWellKnownTypes types) =>
        OperationSearch.DescendantsInSameBody(region).OfType<IInvocationOperation>().Any(invocation => types.IsConsoleRead(invocation.TargetMethod));

    /// <summary>
    /// Failover and search loops (next host, next port, next file name) change what the try block works on after
    /// each failure; that is not running the same operation again. A variable written outside the try block but
    /// inside the loop and read by the operation (not merely logged) gives them away.
    /// </summary>
    private static bool ChangesInputBetweenAttempts(ILoopOperation loop, IOperation operation, RetryWellKnownTypes types)
    {
        var operationSpan = operation.Syntax.Span;
        var steppedVariables = OperationSearch.DescendantsInSameBody(loop)
            .Where(node => !operationSpan.Contains(node.Syntax.Span))
            .Select(node => node switch
            {
                IIncrementOrDecrementOperation step => RetryDelayInference.VariableOf(step.Target),
                IAssignmentOperation assignment => RetryDelayInference.VariableOf(assignment.Target),
                _ => null,
            })
            .Where(symbol => symbol is ILocalSymbol or IParameterSymbol or IFieldSymbol)
            .Cast<ISymbol>()
            .Distinct(SymbolEqualityComparer.Default)
            .ToImmutableArray();
        if (steppedVariables.IsEmpty)
        {
            return false;
        }

        // var endpoint = _endpoints[attempt % _endpoints.Length]; -- a local derived from the step changes with it.
        var derived = OperationSearch.DescendantsInSameBody(loop)
            .OfType<IVariableDeclaratorOperation>()
            .Where(declarator => !operationSpan.Contains(declarator.Syntax.Span) &&
                                 declarator.Initializer is { } initializer &&
                                 RetryDelayInference.ReferencesAny(initializer.Value, steppedVariables))
            .Select(declarator => (ISymbol)declarator.Symbol);
        steppedVariables = steppedVariables.AddRange(derived);

        return OperationSearch.DescendantsInSameBody(operation).Prepend(operation)
            .Where(node => node is ILocalReferenceOperation or IParameterReferenceOperation or IFieldReferenceOperation)
            .Any(reference => RetryDelayInference.VariableOf(reference) is { } symbol &&
                              steppedVariables.Contains(symbol, SymbolEqualityComparer.Default) &&
                              !IsOnlyReported(reference, types));
    }

    /// <summary>A read inside a log call, an interpolated string or a comparison does not change the operation.</summary>
    internal static bool IsOnlyReported(IOperation reference, RetryWellKnownTypes types)
    {
        for (var current = reference.Parent; current is not null; current = current.Parent)
        {
            switch (current)
            {
                case IInterpolatedStringOperation:
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.LessThan or BinaryOperatorKind.LessThanOrEqual or BinaryOperatorKind.GreaterThan or BinaryOperatorKind.GreaterThanOrEqual or BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals }:
                    return true;
                case IInvocationOperation invocation when IsLogging(invocation.TargetMethod, types) || types.IsDelayCall(invocation.TargetMethod):
                    // Thread.Sleep(delay): the wait between attempts is not part of the operation.
                    return true;
                case IArgumentOperation { Parameter: { } parameter } when IsAttemptNumber(parameter):
                    // DoUpload(data, name, retry): the operation is told which attempt this is, and does the same work.
                    return true;
                case IBlockOperation:
                    return false;
            }
        }

        return false;
    }

    private static bool IsAttemptNumber(IParameterSymbol parameter) =>
        parameter.Type.SpecialType is SpecialType.System_Int32 or SpecialType.System_Int64 &&
        (parameter.Name.IndexOf("retry", System.StringComparison.OrdinalIgnoreCase) >= 0 ||
         parameter.Name.IndexOf("attempt", System.StringComparison.OrdinalIgnoreCase) >= 0);

    private static bool IsLogging(IMethodSymbol method, RetryWellKnownTypes types) =>
        method.Name.StartsWith("Log", System.StringComparison.Ordinal) ||
        method.ContainingType?.Name.IndexOf("Log", System.StringComparison.Ordinal) >= 0 ||
        SymbolEqualityComparer.Default.Equals(method.ContainingType, types.Console) ||
        method.ContainingType?.Name is "Debug" or "Trace" or "TextWriter";

    private static ImmutableArray<ISymbol> VariablesIn(IOperation operation) =>
        OperationSearch.DescendantsInSameBody(operation).Prepend(operation)
            .Select(RetryDelayInference.VariableOf)
            .Where(symbol => symbol is not null)
            .Cast<ISymbol>()
            .Distinct(SymbolEqualityComparer.Default)
            .ToImmutableArray();
}
