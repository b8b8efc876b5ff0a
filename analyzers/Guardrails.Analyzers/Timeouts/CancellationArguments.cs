using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Guardrails.Analyzers.Timeouts;

/// <summary>Whether a call passes a <c>CancellationToken</c> that can actually cancel it.</summary>
internal static class CancellationArguments
{
    /// <summary>
    /// True when no argument of the call is a token that could be cancelled: the parameter is absent, left to
    /// its default, or given <c>default</c> or <c>CancellationToken.None</c>.
    /// </summary>
    public static bool PassesNoUsableToken(IInvocationOperation invocation, INamedTypeSymbol cancellationTokenType)
    {
        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter is { } parameter
                && SymbolEqualityComparer.Default.Equals(parameter.Type, cancellationTokenType)
                && !IsNoToken(argument, cancellationTokenType))
            {
                return false;
            }
        }

        return true;
    }

    public static bool IsNoToken(IArgumentOperation argument, INamedTypeSymbol cancellationTokenType)
    {
        if (argument.ArgumentKind == ArgumentKind.DefaultValue)
        {
            return true;
        }

        var value = argument.Value is IConversionOperation { IsImplicit: true } conversion ? conversion.Operand : argument.Value;
        return value switch
        {
            IDefaultValueOperation => true,
            IPropertyReferenceOperation { Property.Name: nameof(System.Threading.CancellationToken.None) } property
                => SymbolEqualityComparer.Default.Equals(property.Property.ContainingType, cancellationTokenType),
            _ => false,
        };
    }
}
