using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Guardrails.Analyzers.Timeouts;

/// <summary>
/// Whether the task or <c>IAsyncResult</c> a call returns is waited on with a bound in the same function, the
/// way connect timeouts are written without a token: <c>client.ConnectAsync(host, port).Wait(timeout)</c>,
/// <c>.WaitAsync(timeout)</c>, <c>await Task.WhenAny(connect, Task.Delay(timeout))</c>, or
/// <c>result.AsyncWaitHandle.WaitOne(timeout)</c> after <c>BeginConnect</c>. Read from syntax: the call itself,
/// or the local it is stored in.
/// </summary>
internal static class BoundedTask
{
    public static bool IsBounded(InvocationExpressionSyntax call)
    {
        if (IsBoundedUse(call))
        {
            return true;
        }

        if (StoredIn(call) is not { } local || FunctionSyntax.Around(call) is not { } body)
        {
            return false;
        }

        foreach (var node in body.DescendantNodes())
        {
            if (node is IdentifierNameSyntax { Identifier.ValueText: var name } use
                && name == local
                && use.SpanStart > call.Span.End
                && IsBoundedUse(use))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The expression is waited on with arguments, raced against <c>Task.Delay</c>, or its wait handle is.</summary>
    private static bool IsBoundedUse(ExpressionSyntax expression)
    {
        var parent = expression.Parent;
        if (parent is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "AsyncWaitHandle" } handle)
        {
            parent = handle.Parent;
        }

        if (parent is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Wait" or "WaitAsync" or "WaitOne", Parent: InvocationExpressionSyntax { ArgumentList.Arguments.Count: > 0 } })
        {
            return true;
        }

        return parent is ArgumentSyntax { Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax whenAny } arguments }
            && InvokedName.Of(whenAny) is "WhenAny" or "WaitAny"
            && (InvokedName.Of(whenAny) == "WaitAny" ? arguments.Arguments.Count > 1 : RacesADelay(arguments));
    }

    private static bool RacesADelay(ArgumentListSyntax arguments)
    {
        foreach (var argument in arguments.Arguments)
        {
            if (argument.Expression is InvocationExpressionSyntax other && InvokedName.Of(other) == "Delay")
            {
                return true;
            }
        }

        return false;
    }

    private static string? StoredIn(InvocationExpressionSyntax call) => call.Parent switch
    {
        EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax declarator } => declarator.Identifier.ValueText,
        AssignmentExpressionSyntax { Left: IdentifierNameSyntax name } assignment when assignment.Right == call => name.Identifier.ValueText,
        _ => null,
    };
}
