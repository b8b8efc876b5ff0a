using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Guardrails.Analyzers.Timeouts;

/// <summary>Where a diagnostic about a call is shown: on the method name, so the squiggle stays short.</summary>
internal static class InvocationLocation
{
    public static Location NameOf(IInvocationOperation invocation)
    {
        if (invocation.Syntax is InvocationExpressionSyntax { Expression: var expression })
        {
            return expression switch
            {
                MemberAccessExpressionSyntax memberAccess => memberAccess.Name.GetLocation(),
                MemberBindingExpressionSyntax memberBinding => memberBinding.Name.GetLocation(),
                _ => expression.GetLocation(),
            };
        }

        return invocation.Syntax.GetLocation();
    }
}
