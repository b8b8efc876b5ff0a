using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Guardrails.Analyzers.Timeouts;

/// <summary>Recognises the parameters through which .NET APIs take a timeout.</summary>
internal static class TimeoutParameters
{
    /// <summary>A parameter named for a timeout, or <c>Process.WaitForExit(int milliseconds)</c>'s.</summary>
    public static bool IsTimeout(IParameterSymbol parameter)
        => IsNamedForATimeout(parameter.Name)
            || parameter.Name == "milliseconds";

    /// <summary>A name that contains <c>timeout</c> in any case: <c>millisecondsTimeout</c>, <c>_options.ReadTimeout</c>.</summary>
    public static bool IsNamedForATimeout(string name)
        => name.IndexOf("timeout", StringComparison.OrdinalIgnoreCase) >= 0;

    /// <summary>The last simple name a value is written with (<c>ShortTimeout</c> in <c>_timeouts.ShortTimeout</c>), or empty.</summary>
    public static string WrittenName(ExpressionSyntax expression) => expression switch
    {
        MemberAccessExpressionSyntax memberAccess => memberAccess.Name.Identifier.ValueText,
        IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
        _ => string.Empty,
    };

    public static bool HasTimeoutParameter(IMethodSymbol method)
    {
        foreach (var parameter in method.Parameters)
        {
            if (IsTimeout(parameter))
            {
                return true;
            }
        }

        return false;
    }
}
