using System;
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
    private static readonly string[] ActionVerbs =
    [
        "Send", "Post", "Put", "Patch", "Publish", "Connect", "Reconnect", "Open", "Write", "Save", "Upload",
        "Download", "Deliver", "Execute", "Invoke", "Call", "Commit", "Submit", "Push", "Insert", "Request",
        "Notify", "Dispatch", "Login", "LogIn", "Authenticate", "Register", "Transmit", "Store", "Persist",
        "Reserve", "Create", "Update", "Delete", "Sync", "Flush",
    ];

    public static bool IsRetriableAction(IInvocationOperation invocation, RetryWellKnownTypes types)
    {
        var method = invocation.TargetMethod;
        if (types.IsHttpCall(method))
        {
            return true;
        }

        // A delegate says what it does only through its name: send() is an action, condition() or check() a question.
        var name = method.MethodKind == MethodKind.DelegateInvoke
            ? Capitalized(DelegateName(invocation.Instance))
            : method.Name;
        return IsActionName(name);
    }

    private static string DelegateName(IOperation? instance) => instance switch
    {
        ILocalReferenceOperation local => local.Local.Name,
        IParameterReferenceOperation parameter => parameter.Parameter.Name,
        IFieldReferenceOperation field => field.Field.Name.TrimStart('_'),
        IPropertyReferenceOperation property => property.Property.Name,
        _ => string.Empty,
    };

    private static string Capitalized(string name) =>
        name.Length == 0 ? name : char.ToUpperInvariant(name[0]) + name.Substring(1);

    private static bool IsActionName(string methodName)
    {
        var name = methodName;
        if (name.StartsWith("Try", StringComparison.Ordinal))
        {
            name = name.Substring(3);
        }

        foreach (var verb in ActionVerbs)
        {
            if (name.StartsWith(verb, StringComparison.Ordinal) &&
                (name.Length == verb.Length || char.IsUpper(name[verb.Length])))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary><c>result.Succeeded</c>, <c>result.IsSuccess</c>...: a result object that says whether the action worked.</summary>
    public static bool IsSuccessProperty(IPropertySymbol property) =>
        property.Type.SpecialType == SpecialType.System_Boolean &&
        property.Name is "IsSuccess" or "IsSuccessful" or "Success" or "Succeeded" or "Successful" or "IsOk" or "Ok" or "IsAcknowledged" or "Acknowledged";

    /// <summary><c>result.HasErrors</c>, <c>result.IsFailure</c>...: a result object that says the action failed.</summary>
    public static bool IsErrorFlag(IPropertySymbol property) =>
        property.Type.SpecialType == SpecialType.System_Boolean &&
        property.Name is "HasError" or "HasErrors" or "IsError" or "IsFailure" or "IsFailed" or "Failed" or "IsFaulted";

    /// <summary>True for <c>response.IsSuccessStatusCode</c> on an HTTP response.</summary>
    public static bool IsSuccessStatusCheck(IOperation operation, RetryWellKnownTypes types) =>
        operation is IPropertyReferenceOperation { Property.Name: "IsSuccessStatusCode" } property &&
        property.Property.ContainingType is { } type &&
        RetryWellKnownTypes.IsOrDerivesFrom(type, types.HttpResponseMessage);
}
