using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Guardrails.Analyzers.Timeouts;

/// <summary>
/// The simple name a call is written with (<c>WaitOne</c> in <c>_started.WaitOne()</c>, <c>GetFromJsonAsync</c> in
/// <c>http.GetFromJsonAsync&lt;T&gt;(url)</c>). Every call in a build passes through the GR2xxx syntax actions; this
/// string test is what lets almost all of them return before any semantic work.
/// </summary>
internal static class InvokedName
{
    public static string Of(InvocationExpressionSyntax invocation) => invocation.Expression switch
    {
        MemberAccessExpressionSyntax memberAccess => memberAccess.Name.Identifier.ValueText,
        MemberBindingExpressionSyntax memberBinding => memberBinding.Name.Identifier.ValueText,
        SimpleNameSyntax name => name.Identifier.ValueText,
        _ => string.Empty,
    };
}
