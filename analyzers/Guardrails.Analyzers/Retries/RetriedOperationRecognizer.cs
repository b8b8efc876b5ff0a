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
    ];

    public static bool IsRetriableAction(IMethodSymbol method, RetryWellKnownTypes types)
    {
        if (types.IsHttpClientCall(method))
        {
            return true;
        }

        var name = method.Name;
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

    /// <summary>True for <c>response.IsSuccessStatusCode</c> on an HTTP response.</summary>
    public static bool IsSuccessStatusCheck(IOperation operation, RetryWellKnownTypes types) =>
        operation is IPropertyReferenceOperation { Property.Name: "IsSuccessStatusCode" } property &&
        property.Property.ContainingType is { } type &&
        RetryWellKnownTypes.IsOrDerivesFrom(type, types.HttpResponseMessage);
}
