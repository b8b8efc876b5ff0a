using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Guardrails.Analyzers.Retries;

/// <summary>
/// Finds the wait inside a retry and classifies its growth from the shape of the expressions alone
/// (no data-flow analysis): <c>Math.Pow</c>, shifts or a variable doubled in place mean exponential, a counter
/// multiplied in means linear, <c>Random</c> means jitter.
/// </summary>
internal static class RetryDelayInference
{
    public static RetryDelay Infer(IOperation region, IReadOnlyCollection<ISymbol> counters, RetryWellKnownTypes types)
    {
        var call = OperationSearch.DescendantsInSameBody(region)
            .OfType<IInvocationOperation>()
            .FirstOrDefault(invocation => types.IsDelayCall(invocation.TargetMethod));
        if (call is null)
        {
            return RetryDelay.None;
        }

        var argument = call.Arguments
            .Select(a => a.Value)
            .FirstOrDefault(value => IsDuration(value.Type));
        if (argument is null)
        {
            return new RetryDelay(BackoffKind.Constant, hasJitter: false, call, argument: null);
        }

        var expressions = new List<IOperation> { argument };
        foreach (var local in ReferencedVariables(argument))
        {
            expressions.AddRange(AssignmentsTo(region, local));
        }

        var backoff = BackoffKind.Constant;
        var hasJitter = false;
        var honoursRetryAfter = false;
        foreach (var expression in expressions)
        {
            var kind = Classify(expression, counters, types, ref hasJitter);
            if (kind > backoff)
            {
                backoff = kind;
            }

            honoursRetryAfter |= OperationSearch.DescendantsInSameBody(expression).Prepend(expression)
                .Any(node => node is IPropertyReferenceOperation { Property.Name: "RetryAfter" });
        }

        return new RetryDelay(backoff, hasJitter, call, argument, honoursRetryAfter);
    }

    private static bool IsDuration(ITypeSymbol? type) =>
        type is not null &&
        (type.SpecialType is SpecialType.System_Int32 or SpecialType.System_Int64 or SpecialType.System_Double
            || type.Name == "TimeSpan");

    private static BackoffKind Classify(IOperation expression, IReadOnlyCollection<ISymbol> counters, RetryWellKnownTypes types, ref bool hasJitter)
    {
        var kind = BackoffKind.Constant;
        foreach (var node in OperationSearch.DescendantsInSameBody(expression).Prepend(expression))
        {
            switch (node)
            {
                case IInvocationOperation invocation when types.IsMathPow(invocation.TargetMethod):
                    kind = BackoffKind.Exponential;
                    break;
                case IInvocationOperation { TargetMethod: { IsStatic: true, ContainingType.Name: "TimeSpan" } factory } timeSpan
                    when kind < BackoffKind.Linear && factory.Name.StartsWith("From", System.StringComparison.Ordinal) &&
                         timeSpan.Arguments.Length == 1 && VariableOf(timeSpan.Arguments[0].Value) is { } unitCount && counters.Contains(unitCount, SymbolEqualityComparer.Default):
                    // TimeSpan.FromSeconds(attempt): one more unit per attempt.
                    kind = BackoffKind.Linear;
                    break;
                case IInvocationOperation helper
                    when !helper.TargetMethod.DeclaringSyntaxReferences.IsEmpty &&
                         helper.Arguments.Any(argument => ReferencesAny(argument.Value, counters)) &&
                         DelayHelperSyntax.Classify(helper.TargetMethod) is { } computed:
                    // var waitFor = GetNextWaitInterval(attempt): the helper's body says how the wait grows.
                    hasJitter |= computed.HasJitter;
                    if (computed.Backoff > kind)
                    {
                        kind = computed.Backoff;
                    }

                    break;
                case IInvocationOperation invocation when types.IsRandom(invocation.TargetMethod.ContainingType):
                    hasJitter = true;
                    break;
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.LeftShift }:
                    kind = BackoffKind.Exponential;
                    break;
                case ICompoundAssignmentOperation { OperatorKind: BinaryOperatorKind.Multiply or BinaryOperatorKind.LeftShift }:
                    kind = BackoffKind.Exponential;
                    break;
                case ISimpleAssignmentOperation { Target: var target, Value: var value }
                    when VariableOf(target) is { } assigned && MultipliesVariable(value, assigned):
                    kind = BackoffKind.Exponential;
                    break;
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.Multiply } multiply
                    when kind < BackoffKind.Linear && (ReferencesAny(multiply.LeftOperand, counters) || ReferencesAny(multiply.RightOperand, counters)):
                    kind = BackoffKind.Linear;
                    break;
                case ICompoundAssignmentOperation { OperatorKind: BinaryOperatorKind.Add, Target: var target, Value: var value }
                    when VariableOf(target) is { } grown && SymbolEqualityComparer.Default.Equals(VariableOf(value), grown):
                    // backoff += backoff doubles it.
                    kind = BackoffKind.Exponential;
                    break;
                case ICompoundAssignmentOperation { OperatorKind: BinaryOperatorKind.Add } when kind < BackoffKind.Linear:
                    kind = BackoffKind.Linear;
                    break;
            }
        }

        return kind;
    }

    private static bool MultipliesVariable(IOperation value, ISymbol variable) =>
        OperationSearch.DescendantsInSameBody(value).Prepend(value)
            .OfType<IBinaryOperation>()
            .Any(binary => binary.OperatorKind == BinaryOperatorKind.Multiply &&
                           (ReferencesAny(binary.LeftOperand, [variable]) || ReferencesAny(binary.RightOperand, [variable])));

    /// <summary>Assignments to <paramref name="variable"/> inside the retry (and its declaration there): where a delay variable grows.</summary>
    private static IEnumerable<IOperation> AssignmentsTo(IOperation region, ISymbol variable) =>
        OperationSearch.DescendantsInSameBody(region)
            .Where(node => node switch
            {
                IAssignmentOperation assignment => SymbolEqualityComparer.Default.Equals(VariableOf(assignment.Target), variable),
                IVariableDeclaratorOperation { Initializer: not null } declarator => SymbolEqualityComparer.Default.Equals(declarator.Symbol, variable),
                _ => false,
            });

    public static ISymbol? VariableOf(IOperation operation) => operation switch
    {
        ILocalReferenceOperation local => local.Local,
        IParameterReferenceOperation parameter => parameter.Parameter,
        IFieldReferenceOperation field => field.Field,
        IConversionOperation conversion => VariableOf(conversion.Operand),
        _ => null,
    };

    public static bool ReferencesAny(IOperation operation, IReadOnlyCollection<ISymbol> variables)
    {
        if (variables.Count == 0)
        {
            return false;
        }

        return OperationSearch.DescendantsInSameBody(operation).Prepend(operation)
            .Select(VariableOf)
            .Any(symbol => symbol is not null && variables.Contains(symbol, SymbolEqualityComparer.Default));
    }

    private static IEnumerable<ISymbol> ReferencedVariables(IOperation operation) =>
        OperationSearch.DescendantsInSameBody(operation).Prepend(operation)
            .Select(VariableOf)
            .Where(symbol => symbol is ILocalSymbol or IFieldSymbol)
            .Cast<ISymbol>()
            .Distinct(SymbolEqualityComparer.Default);
}
