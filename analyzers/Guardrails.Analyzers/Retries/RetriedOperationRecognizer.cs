using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Guardrails.Analyzers.Retries;

/// <summary>
/// Tells whether a call that reports success as its result is an action worth retrying (sending, saving,
/// connecting) rather than a question asked while polling (<c>TryDequeue</c>, <c>File.Exists</c>, <c>IsReady</c>).
/// Only actions count: a poll of a condition is not a retry.
/// </summary>
internal static class RetriedOperationRecognizer
{
    public static bool IsRetriableAction(IInvocationOperation invocation, RetryWellKnownTypes types)
    {
        var method = invocation.TargetMethod;
        if (types.IsHttpCall(method))
        {
            return true;
        }

        // A delegate says what it does only through its name: send() is an action, condition() or check() a question.
        var name = method.MethodKind == MethodKind.DelegateInvoke
            ? ActionNames.OfDelegate(DelegateName(invocation.Instance))
            : method.Name;
        return ActionNames.IsAction(name);
    }

    private static string DelegateName(IOperation? instance) => instance switch
    {
        ILocalReferenceOperation local => local.Local.Name,
        IParameterReferenceOperation parameter => parameter.Parameter.Name,
        IFieldReferenceOperation field => field.Field.Name,
        IPropertyReferenceOperation property => property.Property.Name,
        _ => string.Empty,
    };

    /// <summary><c>result.Succeeded</c>, <c>result.IsSuccess</c>...: a result object that says whether the action worked.</summary>
    public static bool IsSuccessProperty(IPropertySymbol property) =>
        property.Type.SpecialType == SpecialType.System_Boolean && IsSuccessPropertyName(property.Name);

    public static bool IsSuccessPropertyName(string name) =>
        name is "IsSuccess" or "IsSuccessful" or "Success" or "Succeeded" or "Successful" or "IsOk" or "Ok" or "IsAcknowledged" or "Acknowledged" or "IsSuccessStatusCode";

    /// <summary><c>result.HasErrors</c>, <c>result.IsFailure</c>...: a result object that says the action failed.</summary>
    public static bool IsErrorFlag(IPropertySymbol property) =>
        property.Type.SpecialType == SpecialType.System_Boolean && IsErrorFlagName(property.Name);

    public static bool IsErrorFlagName(string name) =>
        name is "HasError" or "HasErrors" or "IsError" or "IsFailure" or "IsFailed" or "Failed" or "IsFaulted";

    /// <summary>True for <c>response.IsSuccessStatusCode</c> on an HTTP response.</summary>
    public static bool IsSuccessStatusCheck(IOperation operation, RetryWellKnownTypes types) =>
        operation is IPropertyReferenceOperation { Property.Name: "IsSuccessStatusCode" } property &&
        property.Property.ContainingType is { } type &&
        RetryWellKnownTypes.IsOrDerivesFrom(type, types.HttpResponseMessage);
}
