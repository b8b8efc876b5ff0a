using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Guardrails.Analyzers.Timeouts;

/// <summary>
/// GR2004: a call on a generated gRPC client (a <c>Grpc.Core.ClientBase</c>) that sets neither a deadline nor
/// a cancellation token. gRPC calls have no deadline unless one is given, so a stalled server holds the
/// caller forever.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class GrpcCallWithoutDeadlineAnalyzer : DiagnosticAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = new(
        RuleIdentifiers.GrpcCallWithoutDeadline,
        title: "gRPC call without a deadline",
        messageFormat: "gRPC call '{0}' has no deadline and no cancellation token, so it can wait forever: pass deadline: DateTime.UtcNow.Add(...) or a CancellationToken that CancelAfter bounds",
        RuleCategories.Timeouts,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "gRPC has no default deadline: without one, a call to a server that stops answering never completes. Set a deadline sized to the caller's budget; it also propagates to the server.",
        helpLinkUri: RuleIdentifiers.GetHelpUri(RuleIdentifiers.GrpcCallWithoutDeadline));

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(OnCompilationStart);
    }

    private static void OnCompilationStart(CompilationStartAnalysisContext context)
    {
        var clientBase = context.Compilation.GetTypeByMetadataName("Grpc.Core.ClientBase");
        var callOptions = context.Compilation.GetTypeByMetadataName("Grpc.Core.CallOptions");
        var cancellationToken = context.Compilation.GetTypeByMetadataName("System.Threading.CancellationToken");
        if (clientBase is null || callOptions is null || cancellationToken is null)
        {
            return;
        }

        var testCode = TestCodeFilter.Create(context.Compilation);
        context.RegisterSyntaxNodeAction(c => AnalyzeInvocation(c, clientBase, callOptions, cancellationToken, testCode), SyntaxKind.InvocationExpression);
    }

    private static void AnalyzeInvocation(
        SyntaxNodeAnalysisContext context,
        INamedTypeSymbol clientBase,
        INamedTypeSymbol callOptions,
        INamedTypeSymbol cancellationToken,
        TestCodeFilter testCode)
    {
        // Generated client methods have any name, but they are called on a client: a member access or binding.
        var syntax = (InvocationExpressionSyntax)context.Node;
        if (syntax.Expression is not (MemberAccessExpressionSyntax or MemberBindingExpressionSyntax)
            || syntax.ArgumentList.Arguments.Count == 0
            || context.SemanticModel.GetSymbolInfo(syntax, context.CancellationToken).Symbol is not IMethodSymbol { IsStatic: false } method
            || !DerivesFrom(method.ContainingType, clientBase)
            || context.SemanticModel.GetOperation(syntax, context.CancellationToken) is not IInvocationOperation invocation)
        {
            return;
        }

        if (!IsUnbounded(invocation, callOptions, cancellationToken)
            || EnclosingFunction.HasCancellationTokenParameter(invocation, context.ContainingSymbol, cancellationToken)
            || testCode.Skips(context))
        {
            return;
        }

        context.ReportDiagnostic(Diagnostic.Create(Rule, InvocationLocation.NameOf(invocation), invocation.TargetMethod.Name));
    }

    /// <summary>
    /// Generated methods take either <c>(request, headers, deadline, cancellationToken)</c> or
    /// <c>(request, CallOptions)</c>; options built elsewhere may carry a deadline, so only an inline
    /// <c>new CallOptions(...)</c> without one counts.
    /// </summary>
    private static bool IsUnbounded(IInvocationOperation invocation, INamedTypeSymbol callOptions, INamedTypeSymbol cancellationToken)
    {
        var hasDeadline = false;
        var hasToken = false;
        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter is not { } parameter)
            {
                continue;
            }

            if (SymbolEqualityComparer.Default.Equals(parameter.Type, callOptions))
            {
                return argument.Value is IObjectCreationOperation creation && !CreatesBound(creation, cancellationToken);
            }

            if (parameter.Name == "deadline")
            {
                hasDeadline = true;
                if (!IsNull(argument))
                {
                    return false;
                }
            }
            else if (SymbolEqualityComparer.Default.Equals(parameter.Type, cancellationToken))
            {
                hasToken = true;
                if (!CancellationArguments.IsNoToken(argument, cancellationToken))
                {
                    return false;
                }
            }
        }

        return hasDeadline && hasToken;
    }

    private static bool CreatesBound(IObjectCreationOperation creation, INamedTypeSymbol cancellationToken)
    {
        if (creation.Initializer is not null)
        {
            return true;
        }

        foreach (var argument in creation.Arguments)
        {
            if ((argument.Parameter?.Name == "deadline" && !IsNull(argument))
                || (SymbolEqualityComparer.Default.Equals(argument.Parameter?.Type, cancellationToken) && !CancellationArguments.IsNoToken(argument, cancellationToken)))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsNull(IArgumentOperation argument)
    {
        if (argument.ArgumentKind == ArgumentKind.DefaultValue)
        {
            return true;
        }

        var value = argument.Value;
        while (value is IConversionOperation { IsImplicit: true } conversion)
        {
            value = conversion.Operand;
        }

        return value is IDefaultValueOperation || value.ConstantValue is { HasValue: true, Value: null };
    }

    private static bool DerivesFrom(INamedTypeSymbol? type, INamedTypeSymbol baseType)
    {
        for (var current = type?.BaseType; current is not null; current = current.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(current, baseType))
            {
                return true;
            }
        }

        return false;
    }
}
