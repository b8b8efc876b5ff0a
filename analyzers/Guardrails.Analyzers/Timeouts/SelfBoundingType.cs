using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Guardrails.Analyzers.Timeouts;

/// <summary>
/// A type that bounds its HTTP requests itself, so its <c>HttpClient.Timeout = Timeout.InfiniteTimeSpan</c> only
/// keeps the client's own timer out of the way: the type cancels tokens after a time with <c>CancelAfter</c> (a
/// token source made with a timeout is not enough: connects and waits use those too), or its client is made with a timeout handler in its pipeline
/// (<c>new HttpClient(new TimeoutHandler(...))</c>, any handler type named for a timeout), or it runs work through a
/// helper given a timeout and a function of a token (<c>WithTimeout(_timeouts.ShortTimeout, token, ct =&gt; ...)</c>:
/// such a helper links the token and cancels it after the timeout). Read from the type's own syntax in this file.
/// GR2005 still reports each request of the type that passes no token.
/// </summary>
internal static class SelfBoundingType
{
    public static bool BoundsRequests(SyntaxNode member)
    {
        if (member.Parent is InitializerExpressionSyntax { Parent: BaseObjectCreationExpressionSyntax { ArgumentList.Arguments: { Count: > 0 } madeWith } }
            && IsTimeoutHandler(madeWith[0].Expression))
        {
            return true;
        }

        if (member.FirstAncestorOrSelf<TypeDeclarationSyntax>() is not { } type)
        {
            return false;
        }

        foreach (var node in type.DescendantNodes())
        {
            switch (node)
            {
                case InvocationExpressionSyntax invocation when InvokedName.Of(invocation) == "CancelAfter" || RunsUnderATimeout(invocation.ArgumentList):
                    return true;
                case ObjectCreationExpressionSyntax { ArgumentList.Arguments: { Count: > 0 } arguments } creation
                    when TypeNames.LastOf(creation.Type) == "HttpClient" && IsTimeoutHandler(arguments[0].Expression):
                    return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A call given a timeout (an argument named for one: <c>timeout</c>, <c>_options.ReadTimeout</c>) and a lambda
    /// that takes a parameter (the token the helper cancels): the shape of a helper that bounds the work it runs.
    /// A lambda without a parameter cannot be handed a token, so <c>Task.Run(() =&gt; ...)</c> beside a timeout does not count.
    /// </summary>
    private static bool RunsUnderATimeout(ArgumentListSyntax arguments)
    {
        var timeout = false;
        var work = false;
        foreach (var argument in arguments.Arguments)
        {
            switch (argument.Expression)
            {
                case SimpleLambdaExpressionSyntax:
                case ParenthesizedLambdaExpressionSyntax { ParameterList.Parameters.Count: > 0 }:
                    work = true;
                    break;
                case var expression when TimeoutParameters.IsNamedForATimeout(TimeoutParameters.WrittenName(expression)):
                    timeout = true;
                    break;
            }
        }

        return timeout && work;
    }

    /// <summary>A handler made inline whose type is named for a timeout: <c>new TimeoutHandler(...)</c>.</summary>
    public static bool IsTimeoutHandler(ExpressionSyntax handler)
        => handler is ObjectCreationExpressionSyntax { Type: var handlerType }
            && TypeNames.LastOf(handlerType).IndexOf("Timeout", System.StringComparison.Ordinal) >= 0;
}
