using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Guardrails.Analyzers.Retries;

/// <summary>Attempt counters (variables stepped by one or more inside a retry) and the comparison that bounds them.</summary>
internal static class AttemptCounters
{
    public static IReadOnlyCollection<ISymbol> Find(IOperation region)
    {
        var counters = new List<ISymbol>();
        foreach (var node in OperationSearch.DescendantsInSameBody(region))
        {
            var target = node switch
            {
                IIncrementOrDecrementOperation step => step.Target,
                ICompoundAssignmentOperation { OperatorKind: BinaryOperatorKind.Add or BinaryOperatorKind.Subtract } compound => compound.Target,
                // attempt = attempt + 1
                ISimpleAssignmentOperation { Value: IBinaryOperation { OperatorKind: BinaryOperatorKind.Add or BinaryOperatorKind.Subtract, RightOperand.ConstantValue.HasValue: true } step } assignment
                    when RetryDelayInference.VariableOf(step.LeftOperand) is { } stepped && SymbolEqualityComparer.Default.Equals(stepped, RetryDelayInference.VariableOf(assignment.Target)) => assignment.Target,
                _ => null,
            };
            if (target is not null && RetryDelayInference.VariableOf(target) is ILocalSymbol or IParameterSymbol &&
                !counters.Contains(RetryDelayInference.VariableOf(target)!, SymbolEqualityComparer.Default))
            {
                counters.Add(RetryDelayInference.VariableOf(target)!);
            }
        }

        return counters;
    }

    /// <summary>The first comparison of a counter against a limit among <paramref name="conditions"/>, as written.</summary>
    public static IBinaryOperation? FindLimit(IEnumerable<IOperation?> conditions, IReadOnlyCollection<ISymbol> counters)
    {
        foreach (var condition in conditions)
        {
            if (condition is null)
            {
                continue;
            }

            var comparison = OperationSearch.DescendantsInSameBody(condition).Prepend(condition)
                .OfType<IBinaryOperation>()
                .FirstOrDefault(binary => IsComparison(binary.OperatorKind) &&
                    (RetryDelayInference.ReferencesAny(binary.LeftOperand, counters) || RetryDelayInference.ReferencesAny(binary.RightOperand, counters)));
            if (comparison is not null)
            {
                return comparison;
            }
        }

        return null;
    }

    public static string DescribeLimit(IBinaryOperation? limit) =>
        limit is null ? "no attempt limit" : $"attempts limited by '{limit.Syntax}'";

    private static bool IsComparison(BinaryOperatorKind kind) => kind is
        BinaryOperatorKind.LessThan or BinaryOperatorKind.LessThanOrEqual or
        BinaryOperatorKind.GreaterThan or BinaryOperatorKind.GreaterThanOrEqual or
        BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals;
}
