using System;
using Microsoft.CodeAnalysis;

namespace Guardrails.Analyzers.Timeouts;

/// <summary>Recognises the parameters through which .NET APIs take a timeout.</summary>
internal static class TimeoutParameters
{
    /// <summary>A parameter named for a timeout, or <c>Process.WaitForExit(int milliseconds)</c>'s.</summary>
    public static bool IsTimeout(IParameterSymbol parameter)
        => parameter.Name.IndexOf("timeout", StringComparison.OrdinalIgnoreCase) >= 0
            || parameter.Name == "milliseconds";

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
