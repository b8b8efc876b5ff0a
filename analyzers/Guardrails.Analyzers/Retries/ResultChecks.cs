using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Guardrails.Analyzers.Retries;

/// <summary>
/// Reads a condition that tests the result of an action run in the same region (a loop, or a method that calls
/// itself): <c>!ok</c>, <c>!response.IsSuccessStatusCode</c>, <c>response.StatusCode == HttpStatusCode.TooManyRequests</c>,
/// <c>(int)response.StatusCode &gt;= 500</c>, <c>result.HasErrors</c>, <c>!await TrySendAsync()</c>. Conditions
/// joined with <c>&amp;&amp;</c> or <c>||</c> (<c>!ok &amp;&amp; tries-- &gt; 0</c>) are read operand by operand.
/// </summary>
internal static class ResultChecks
{
    private const int MaxDepth = 6;

    /// <summary>The action whose failure makes <paramref name="condition"/> true, if any.</summary>
    public static FailedResult? Failure(IOperation condition, IOperation region, RetryWellKnownTypes types) =>
        Read(condition, region, types, lookingForSuccess: false, depth: 0);

    /// <summary>The action whose success makes <paramref name="condition"/> true, if any.</summary>
    public static FailedResult? Success(IOperation condition, IOperation region, RetryWellKnownTypes types) =>
        Read(condition, region, types, lookingForSuccess: true, depth: 0);

    private static FailedResult? Read(IOperation condition, IOperation region, RetryWellKnownTypes types, bool lookingForSuccess, int depth)
    {
        // A flag assigned from itself (ok = ok && Send()) would otherwise be read for ever.
        if (depth > MaxDepth)
        {
            return null;
        }

        depth++;
        var check = OperationSearch.Unwrap(condition);
        switch (check)
        {
            case IUnaryOperation { OperatorKind: UnaryOperatorKind.Not } negation:
                return Read(negation.Operand, region, types, !lookingForSuccess, depth);
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalAnd or BinaryOperatorKind.ConditionalOr } joined:
                return Read(joined.LeftOperand, region, types, lookingForSuccess, depth) ?? Read(joined.RightOperand, region, types, lookingForSuccess, depth);
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals } comparison
                when OperationSearch.Unwrap(comparison.RightOperand).ConstantValue is { HasValue: true, Value: bool expected }:
                // ok == false, TrySend() != true
                return Read(comparison.LeftOperand, region, types, lookingForSuccess == (expected == (comparison.OperatorKind == BinaryOperatorKind.Equals)), depth);
            case IBinaryOperation comparison:
                return HttpStatus(comparison, region, types, lookingForSuccess) ?? ErrorValue(comparison, region, types, lookingForSuccess);
            case IInvocationOperation invocation when invocation.TargetMethod.ReturnType.SpecialType == SpecialType.System_Boolean || IsAwaitedBoolean(invocation):
                return RetriedOperationRecognizer.IsRetriableAction(invocation, types)
                    ? new FailedResult(invocation, $"'{invocation.TargetMethod.Name}' returns false")
                    : null;
            case ILocalReferenceOperation flag when !lookingForSuccess && IsErrorFlagName(flag.Local.Name):
                // isError = DoUpload(...); while (isError ...): the action's result says that it failed.
                return AssignedValues(region, flag.Local)
                    .OfType<IInvocationOperation>()
                    .Where(action => RetriedOperationRecognizer.IsRetriableAction(action, types))
                    .Select(action => new FailedResult(action, $"'{action.TargetMethod.Name}' reports an error ({flag.Local.Name})"))
                    .FirstOrDefault();
            case ILocalReferenceOperation flag when IsErrorFlagName(flag.Local.Name):
                return null;
            case ILocalReferenceOperation flag:
                return AssignedValues(region, flag.Local)
                    .Select(value => Read(value, region, types, lookingForSuccess, depth))
                    .FirstOrDefault(found => found is not null);
            case IPropertyReferenceOperation { Instance: ILocalReferenceOperation response } when lookingForSuccess && RetriedOperationRecognizer.IsSuccessStatusCheck(check, types):
                return HttpCallAssignedTo(region, response.Local, types) is { } call
                    ? new FailedResult(call, $"'{call.TargetMethod.Name}' answers an unsuccessful status code")
                    : null;
            case IPropertyReferenceOperation { Instance: ILocalReferenceOperation result, Property: var property }
                when (lookingForSuccess && RetriedOperationRecognizer.IsSuccessProperty(property)) ||
                     (!lookingForSuccess && RetriedOperationRecognizer.IsErrorFlag(property)):
                return ActionAssignedTo(region, result.Local, types) is { } action
                    ? new FailedResult(action, $"'{action.TargetMethod.Name}' reports failure ({result.Local.Name}.{property.Name})")
                    : null;
            default:
                return null;
        }
    }

    /// <summary><c>isError</c>, <c>failed</c>, <c>hasErrors</c>: a local whose name says that true means failure.</summary>
    private static bool IsErrorFlagName(string name) =>
        RetriedOperationRecognizer.IsErrorFlagName(name.Length == 0 ? name : char.ToUpperInvariant(name[0]) + name.Substring(1)) ||
        name is "error" or "failure";

    /// <summary>
    /// <c>response.StatusCode == HttpStatusCode.OK</c>, <c>(int)response.StatusCode &lt; 500</c> (success) or
    /// <c>response.StatusCode == HttpStatusCode.TooManyRequests</c>, <c>(int)response.StatusCode &gt;= 500</c>
    /// (a transient failure: 408, 429, 5xx, or 202 Accepted: not done yet), where <c>response</c> comes from an
    /// HTTP call inside the region.
    /// </summary>
    private static FailedResult? HttpStatus(IBinaryOperation comparison, IOperation region, RetryWellKnownTypes types, bool lookingForSuccess)
    {
        var statusOnLeft = StatusHolder(comparison.LeftOperand, types) is not null;
        var (statusSide, valueSide) = statusOnLeft ? (comparison.LeftOperand, comparison.RightOperand) : (comparison.RightOperand, comparison.LeftOperand);
        var kind = statusOnLeft ? comparison.OperatorKind : Mirrored(comparison.OperatorKind);
        return Status(statusSide, valueSide, kind, region, types, lookingForSuccess);
    }

    /// <summary>
    /// <c>switch (response.StatusCode) { case HttpStatusCode.Accepted: continue; ... }</c>: the action whose answer
    /// <paramref name="caseValue"/> is a transient failure (or "not done yet"), if the switch reads an HTTP status.
    /// </summary>
    public static FailedResult? SwitchedStatusFailure(IOperation switchedValue, IOperation caseValue, IOperation region, RetryWellKnownTypes types) =>
        Status(switchedValue, caseValue, BinaryOperatorKind.Equals, region, types, lookingForSuccess: false);

    private static FailedResult? Status(IOperation statusSide, IOperation valueSide, BinaryOperatorKind kind, IOperation region, RetryWellKnownTypes types, bool lookingForSuccess)
    {
        if (StatusHolder(statusSide, types) is not { } response ||
            StripConversions(valueSide).ConstantValue is not { HasValue: true, Value: int status })
        {
            return null;
        }

        var failure = kind switch
        {
            BinaryOperatorKind.Equals when status is 408 or 429 or >= 500 => $"status {status}",
            BinaryOperatorKind.Equals when status is 202 => "status 202 (accepted, not done yet)",
            BinaryOperatorKind.NotEquals when status is >= 200 and < 300 => $"a status other than {status}",
            BinaryOperatorKind.GreaterThanOrEqual when status is >= 400 and <= 500 => $"a status of {status} or above",
            BinaryOperatorKind.GreaterThan when status is >= 399 and <= 499 => $"a status above {status}",
            _ => null,
        };
        var success = kind switch
        {
            BinaryOperatorKind.Equals when status is >= 200 and < 300 => true,
            BinaryOperatorKind.NotEquals when status is 408 or 429 or >= 500 => true,
            BinaryOperatorKind.LessThan when status is >= 300 and <= 500 => true,
            BinaryOperatorKind.LessThanOrEqual when status is >= 299 and <= 499 => true,
            _ => false,
        };
        if (lookingForSuccess ? !success : failure is null)
        {
            return null;
        }

        return HttpCallAssignedTo(region, response, types) is { } call
            ? new FailedResult(call, $"'{call.TargetMethod.Name}' answers {failure ?? "an unsuccessful status"}")
            : null;
    }

    /// <summary><c>result.Error != null</c>, <c>result.ErrorCode != 0</c>: the action's result carries an error.</summary>
    private static FailedResult? ErrorValue(IBinaryOperation comparison, IOperation region, RetryWellKnownTypes types, bool lookingForSuccess)
    {
        if (comparison.OperatorKind is not (BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals) ||
            StripToProperty(comparison.LeftOperand) is not { Instance: ILocalReferenceOperation result, Property: var property } ||
            !property.Name.StartsWith("Error", System.StringComparison.Ordinal) ||
            StripConversions(comparison.RightOperand).ConstantValue is not { HasValue: true } empty ||
            !(empty.Value is null || empty.Value is 0))
        {
            return null;
        }

        var meansFailure = comparison.OperatorKind == BinaryOperatorKind.NotEquals;
        if (meansFailure == lookingForSuccess)
        {
            return null;
        }

        return ActionAssignedTo(region, result.Local, types) is { } action
            ? new FailedResult(action, $"'{action.TargetMethod.Name}' reports an error ({result.Local.Name}.{property.Name})")
            : null;
    }

    /// <summary>
    /// The local holding the HTTP answer whose status <paramref name="operation"/> reads: <c>response</c> in
    /// <c>response.StatusCode</c> on an <c>HttpResponseMessage</c>, or in <c>response.HttpResponse.StatusCode</c> when
    /// the property is an <c>HttpStatusCode</c> on another client's response type.
    /// </summary>
    private static ILocalSymbol? StatusHolder(IOperation operation, RetryWellKnownTypes types)
    {
        if (StripToProperty(operation) is not { Property.Name: "StatusCode" } status)
        {
            return null;
        }

        if (status.Instance is ILocalReferenceOperation local && RetryWellKnownTypes.IsOrDerivesFrom(local.Local.Type, types.HttpResponseMessage))
        {
            return local.Local;
        }

        if (types.HttpStatusCode is null || !SymbolEqualityComparer.Default.Equals(status.Property.Type, types.HttpStatusCode))
        {
            return null;
        }

        var instance = status.Instance;
        while (instance is IPropertyReferenceOperation { Instance: { } inner })
        {
            instance = inner;
        }

        return (instance as ILocalReferenceOperation)?.Local;
    }

    private static BinaryOperatorKind Mirrored(BinaryOperatorKind kind) => kind switch
    {
        BinaryOperatorKind.LessThan => BinaryOperatorKind.GreaterThan,
        BinaryOperatorKind.LessThanOrEqual => BinaryOperatorKind.GreaterThanOrEqual,
        BinaryOperatorKind.GreaterThan => BinaryOperatorKind.LessThan,
        BinaryOperatorKind.GreaterThanOrEqual => BinaryOperatorKind.LessThanOrEqual,
        var same => same,
    };

    /// <summary>
    /// The request that gave <paramref name="local"/> its value: an HTTP call for an <c>HttpResponseMessage</c>; for
    /// another client's response type, whose <c>HttpStatusCode</c> already says it came over HTTP, the call itself.
    /// </summary>
    private static IInvocationOperation? HttpCallAssignedTo(IOperation region, ILocalSymbol local, RetryWellKnownTypes types)
    {
        var anyCall = !RetryWellKnownTypes.IsOrDerivesFrom(local.Type, types.HttpResponseMessage);
        return AssignedValues(region, local).OfType<IInvocationOperation>().FirstOrDefault(invocation => anyCall || types.IsHttpCall(invocation.TargetMethod));
    }

    private static IInvocationOperation? ActionAssignedTo(IOperation region, ILocalSymbol local, RetryWellKnownTypes types) =>
        AssignedValues(region, local).OfType<IInvocationOperation>().FirstOrDefault(invocation => RetriedOperationRecognizer.IsRetriableAction(invocation, types));

    private static IOperation StripConversions(IOperation operation)
    {
        var current = operation;
        while (current is IConversionOperation conversion)
        {
            current = conversion.Operand;
        }

        return current;
    }

    private static IPropertyReferenceOperation? StripToProperty(IOperation operation) => StripConversions(operation) as IPropertyReferenceOperation;

    private static bool IsAwaitedBoolean(IInvocationOperation invocation) =>
        invocation.Parent is IAwaitOperation { Type.SpecialType: SpecialType.System_Boolean } or IInvocationOperation { Parent: IAwaitOperation { Type.SpecialType: SpecialType.System_Boolean } };

    /// <summary>Values given to <paramref name="local"/> inside <paramref name="region"/>, looking through await and conversions.</summary>
    public static IEnumerable<IOperation> AssignedValues(IOperation region, ILocalSymbol local)
    {
        foreach (var node in OperationSearch.DescendantsInSameBody(region))
        {
            switch (node)
            {
                case ISimpleAssignmentOperation assignment when assignment.Target is ILocalReferenceOperation target && SymbolEqualityComparer.Default.Equals(target.Local, local):
                    yield return OperationSearch.Unwrap(assignment.Value);
                    break;
                case IVariableDeclaratorOperation { Initializer: { } initializer } declarator when SymbolEqualityComparer.Default.Equals(declarator.Symbol, local):
                    yield return OperationSearch.Unwrap(initializer.Value);
                    break;
            }
        }
    }
}
