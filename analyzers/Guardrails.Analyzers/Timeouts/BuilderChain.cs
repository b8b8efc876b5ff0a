using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Guardrails.Analyzers.Timeouts;

/// <summary>
/// A fluent chain of calls on one builder, <c>new ResiliencePipelineBuilder().AddRetry(a).AddTimeout(b)</c>,
/// seen from any call in it: the calls, the expression the chain starts from, and the variable the chain
/// is stored in.
/// </summary>
internal sealed class BuilderChain
{
    private BuilderChain(List<IInvocationOperation> calls, IOperation? start, ISymbol? storedIn)
    {
        Calls = calls;
        Start = start;
        StoredIn = storedIn;
    }

    public IReadOnlyList<IInvocationOperation> Calls { get; }

    public IOperation? Start { get; }

    public ISymbol? StoredIn { get; }

    /// <summary>The local, parameter, field or property the chain starts from, if it starts from one.</summary>
    public ISymbol? StartSymbol => Start switch
    {
        ILocalReferenceOperation local => local.Local,
        IParameterReferenceOperation parameter => parameter.Parameter,
        IFieldReferenceOperation fieldReference => fieldReference.Field,
        IPropertyReferenceOperation property => property.Property,
        _ => null,
    };

    public static BuilderChain Of(IInvocationOperation call)
    {
        var calls = new List<IInvocationOperation> { call };
        var outermost = call;
        while (Outer(outermost) is { } outer)
        {
            calls.Add(outer);
            outermost = outer;
        }

        IOperation? start = null;
        for (var inner = Receiver(call); inner is not null; inner = Receiver((IInvocationOperation)inner))
        {
            if (inner is not IInvocationOperation innerCall)
            {
                start = inner;
                break;
            }

            calls.Add(innerCall);
        }

        return new BuilderChain(calls, start, StorageOf(outermost));
    }

    /// <summary>The builder a call is made on: the instance, or the <c>this</c> argument of an extension.</summary>
    public static IOperation? Receiver(IInvocationOperation call)
    {
        var receiver = call.Instance
            ?? (call.TargetMethod.IsExtensionMethod && call.Arguments.Length > 0 ? call.Arguments[0].Value : null);
        while (receiver is IConversionOperation { IsImplicit: true } conversion)
        {
            receiver = conversion.Operand;
        }

        return receiver;
    }

    private static IInvocationOperation? Outer(IInvocationOperation call)
    {
        IOperation current = call;
        while (current.Parent is IConversionOperation { IsImplicit: true } conversion)
        {
            current = conversion;
        }

        return current.Parent switch
        {
            IInvocationOperation outer when ReferenceEquals(outer.Instance, current) => outer,
            IArgumentOperation { Parent: IInvocationOperation outer } argument
                when outer.TargetMethod.IsExtensionMethod && outer.Arguments.Length > 0 && ReferenceEquals(outer.Arguments[0], argument) => outer,
            _ => null,
        };
    }

    private static ISymbol? StorageOf(IOperation outermost)
    {
        var parent = outermost.Parent;
        while (parent is IConversionOperation { IsImplicit: true })
        {
            parent = parent.Parent;
        }

        return parent switch
        {
            IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator } => declarator.Symbol,
            ISimpleAssignmentOperation { Target: ILocalReferenceOperation local } => local.Local,
            ISimpleAssignmentOperation { Target: IFieldReferenceOperation fieldReference } => fieldReference.Field,
            _ => null,
        };
    }
}
