using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Guardrails.Analyzers.Retries;

/// <summary>
/// Walks the operations of one method body without entering lambdas or local functions: code there runs at
/// another time, so it is not part of the loop iteration or catch block being examined.
/// </summary>
internal static class OperationSearch
{
    public static IEnumerable<IOperation> DescendantsInSameBody(IOperation root)
    {
        var stack = new Stack<IOperation>();
        stack.Push(root);
        while (stack.Count > 0)
        {
            var current = stack.Pop();
            foreach (var child in current.ChildOperations)
            {
                if (child is IAnonymousFunctionOperation or ILocalFunctionOperation)
                {
                    continue;
                }

                yield return child;
                stack.Push(child);
            }
        }
    }

    /// <summary>The statements of a block, looking through nested blocks, <c>using</c> and <c>lock</c> bodies.</summary>
    public static IEnumerable<IOperation> TopLevelStatements(IOperation? statement)
    {
        switch (statement)
        {
            case null:
                yield break;
            case IBlockOperation block:
                foreach (var inner in block.Operations)
                {
                    foreach (var nested in TopLevelStatements(inner))
                    {
                        yield return nested;
                    }
                }

                break;
            case IUsingOperation { Body: var usingBody }:
                yield return statement;
                foreach (var nested in TopLevelStatements(usingBody))
                {
                    yield return nested;
                }

                break;
            case ILockOperation { Body: var lockBody }:
                yield return statement;
                foreach (var nested in TopLevelStatements(lockBody))
                {
                    yield return nested;
                }

                break;
            default:
                yield return statement;
                break;
        }
    }

    public static IOperation Unwrap(IOperation operation)
    {
        var current = operation;
        while (true)
        {
            switch (current)
            {
                case IExpressionStatementOperation { Operation: { } inner }:
                    current = inner;
                    break;
                case IConversionOperation { IsImplicit: true, Operand: { } operand }:
                    current = operand;
                    break;
                case IAwaitOperation { Operation: { } awaited }:
                    current = awaited;
                    break;
                case IInvocationOperation { TargetMethod.Name: "ConfigureAwait", Instance: { } configured }:
                    current = configured;
                    break;
                default:
                    return current;
            }
        }
    }
}
