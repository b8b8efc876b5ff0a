using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Guardrails.Analyzers.Timeouts;

/// <summary>
/// The values .NET reads as "no timeout": <c>Timeout.InfiniteTimeSpan</c> and <c>TimeSpan.MaxValue</c> for
/// a <c>TimeSpan</c>, <c>Timeout.Infinite</c> (-1) for milliseconds. Only constants and those two fields are
/// recognised; a value computed elsewhere would need data-flow analysis.
/// </summary>
internal sealed class InfiniteTimeoutValues
{
    private readonly INamedTypeSymbol timeSpan;
    private readonly INamedTypeSymbol? timeout;

    private InfiniteTimeoutValues(INamedTypeSymbol timeSpan, INamedTypeSymbol? timeout)
    {
        this.timeSpan = timeSpan;
        this.timeout = timeout;
    }

    public static InfiniteTimeoutValues? Create(Compilation compilation)
        => compilation.GetTypeByMetadataName("System.TimeSpan") is { } timeSpan
            ? new InfiniteTimeoutValues(timeSpan, compilation.GetTypeByMetadataName("System.Threading.Timeout"))
            : null;

    public bool IsInfiniteTimeSpan(IOperation value)
        => Unwrap(value) is IFieldReferenceOperation { Field: var field }
            && ((field.Name == "InfiniteTimeSpan" && SymbolEqualityComparer.Default.Equals(field.ContainingType, timeout))
                || (field.Name == nameof(System.TimeSpan.MaxValue) && SymbolEqualityComparer.Default.Equals(field.ContainingType, timeSpan)));

    public static bool IsConstant(IOperation value, int number)
        => Unwrap(value).ConstantValue is { HasValue: true, Value: int constant } && constant == number;

    public bool IsInfinite(IOperation value)
        => IsConstant(value, System.Threading.Timeout.Infinite) || IsInfiniteTimeSpan(value);

    private static IOperation Unwrap(IOperation value)
    {
        while (value is IConversionOperation conversion)
        {
            value = conversion.Operand;
        }

        return value;
    }
}
