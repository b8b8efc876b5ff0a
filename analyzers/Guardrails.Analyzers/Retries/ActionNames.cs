using System;

namespace Guardrails.Analyzers.Retries;

/// <summary>
/// The names of calls worth retrying (sending, saving, connecting), as opposed to questions asked while polling
/// (<c>TryDequeue</c>, <c>Exists</c>, <c>IsReady</c>). Read by the semantic recogniser and, before any semantic
/// work, by the syntax filters, so both agree on what an action is.
/// </summary>
internal static class ActionNames
{
    private static readonly string[] Verbs =
    [
        "Send", "Post", "Put", "Patch", "Publish", "Connect", "Reconnect", "Open", "Write", "Save", "Upload",
        "Download", "Deliver", "Execute", "Invoke", "Call", "Commit", "Submit", "Push", "Insert", "Request",
        "Notify", "Dispatch", "Login", "LogIn", "Authenticate", "Register", "Transmit", "Store", "Persist",
        "Reserve", "Create", "Update", "Delete", "Sync", "Flush",
    ];

    /// <summary><c>Send</c>, <c>TrySaveChanges</c>, <c>DoUpload</c>, <c>UploadAsync</c>: the name starts with an action verb (after <c>Try</c> or <c>Do</c>).</summary>
    public static bool IsAction(string methodName)
    {
        var name = methodName.StartsWith("Try", StringComparison.Ordinal) ? methodName.Substring(3)
            : methodName.StartsWith("Do", StringComparison.Ordinal) && methodName.Length > 2 && char.IsUpper(methodName[2]) ? methodName.Substring(2)
            : methodName;
        foreach (var verb in Verbs)
        {
            if (name.StartsWith(verb, StringComparison.Ordinal) &&
                (name.Length == verb.Length || char.IsUpper(name[verb.Length])))
            {
                return true;
            }
        }

        return false;
    }

    private static readonly string[] NextPiecePrefixes = ["MoveNext", "Read", "Next", "TryDequeue", "TryTake", "TryRead", "Receive"];

    /// <summary><c>reader.Read()</c>, <c>e.MoveNext()</c>, <c>queue.TryDequeue(...)</c>: a call that hands over the next piece of data.</summary>
    public static bool TakesNextPiece(string methodName)
    {
        foreach (var prefix in NextPiecePrefixes)
        {
            if (methodName.StartsWith(prefix, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A delegate says what it does only through its name: <c>_send()</c> is an action, <c>condition()</c> a question.</summary>
    public static string OfDelegate(string variableName)
    {
        var name = variableName.TrimStart('_');
        return name.Length == 0 ? name : char.ToUpperInvariant(name[0]) + name.Substring(1);
    }

    /// <summary>
    /// The name of a request an <c>HttpClient</c> sends (<c>GetAsync</c>, <c>GetFromJsonAsync</c>, <c>SendAsync</c>);
    /// the other verbs (<c>PostAsync</c>, <c>DeleteAsync</c>) are actions already.
    /// </summary>
    public static bool MayBeHttpRequest(string methodName) =>
        methodName.StartsWith("Get", StringComparison.Ordinal) && methodName.IndexOf("Async", StringComparison.Ordinal) > 0;
}
