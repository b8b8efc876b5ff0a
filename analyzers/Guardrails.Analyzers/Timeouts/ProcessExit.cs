using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Guardrails.Analyzers.Timeouts;

/// <summary>
/// Whether a <c>process.WaitForExit()</c> comes after the same function already knew the process ended:
/// a timed <c>process.WaitForExit(timeout)</c> (the documented way to flush redirected output is to call the
/// parameterless overload after the timed one returned true), <c>process.Kill()</c>, or a read of
/// <c>process.HasExited</c>. Read from syntax, earlier in the same function on the same expression; no data flow,
/// so a timed wait whose <c>false</c> is ignored also counts (see docs/rules/GR2001.md).
/// </summary>
internal static class ProcessExit
{
    public static bool IsKnownBefore(InvocationExpressionSyntax waitForExit)
    {
        if (waitForExit.Expression is not MemberAccessExpressionSyntax { Expression: var receiver }
            || FunctionSyntax.Around(waitForExit) is not { } body)
        {
            return false;
        }

        foreach (var node in body.DescendantNodes())
        {
            if (node.SpanStart >= waitForExit.SpanStart)
            {
                break;
            }

            if (node is MemberAccessExpressionSyntax { Name.Identifier.ValueText: var name } access
                && IsEvidenceOfExit(name, access)
                && SyntaxFactory.AreEquivalent(access.Expression, receiver))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsEvidenceOfExit(string name, MemberAccessExpressionSyntax access) => name switch
    {
        "HasExited" or "Kill" => true,
        "WaitForExit" => access.Parent is InvocationExpressionSyntax { ArgumentList.Arguments.Count: > 0 },
        _ => false,
    };
}
