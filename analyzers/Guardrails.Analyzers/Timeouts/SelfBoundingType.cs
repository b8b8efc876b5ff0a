using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Guardrails.Analyzers.Timeouts;

/// <summary>
/// A type that bounds its HTTP requests itself, so its <c>HttpClient.Timeout = Timeout.InfiniteTimeSpan</c> only
/// keeps the client's own timer out of the way: the type cancels tokens after a time with <c>CancelAfter</c> (a
/// token source made with a timeout is not enough: connects and waits use those too), or its client is made with a timeout handler in its pipeline
/// (<c>new HttpClient(new TimeoutHandler(...))</c>, any handler type named for a timeout). Read from the type's
/// own syntax in this file. GR2005 still reports each request of the type that passes no token.
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
                case InvocationExpressionSyntax invocation when InvokedName.Of(invocation) == "CancelAfter":
                    return true;
                case ObjectCreationExpressionSyntax { ArgumentList.Arguments: { Count: > 0 } arguments } creation
                    when TypeNames.LastOf(creation.Type) == "HttpClient" && IsTimeoutHandler(arguments[0].Expression):
                    return true;
            }
        }

        return false;
    }

    /// <summary>A handler made inline whose type is named for a timeout: <c>new TimeoutHandler(...)</c>.</summary>
    public static bool IsTimeoutHandler(ExpressionSyntax handler)
        => handler is ObjectCreationExpressionSyntax { Type: var handlerType }
            && TypeNames.LastOf(handlerType).IndexOf("Timeout", System.StringComparison.Ordinal) >= 0;
}
