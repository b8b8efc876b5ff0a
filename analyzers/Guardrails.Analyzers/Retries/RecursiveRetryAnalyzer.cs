using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Guardrails.Analyzers.Retries;

/// <summary>GR1004: a method that calls itself from its own catch block, with the same arguments or a counter stepped by one.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class RecursiveRetryAnalyzer : DiagnosticAnalyzer
{
    private static readonly DiagnosticDescriptor Rule = new(
        RuleIdentifiers.RecursiveRetry,
        title: "Recursive retry from a catch block",
        messageFormat: "Recursive retry: '{0}' calls itself from its catch block after catching {1} ({2}); " + RetryAdvice.Polly + "{3}",
        RuleCategories.Resilience,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "Calling the failing method again from its own catch block is a retry with the stack as its loop: each attempt deepens the stack, keeps every earlier frame alive, and the limit, delay and handled failures are decided ad hoc.",
        helpLinkUri: RuleIdentifiers.GetHelpUri(RuleIdentifiers.RecursiveRetry));

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rule);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(compilationContext =>
        {
            var types = RetryWellKnownTypes.TryCreate(compilationContext.Compilation);
            if (types is null)
            {
                return;
            }

            compilationContext.RegisterOperationAction(operationContext => AnalyzeInvocation(operationContext, types), OperationKind.Invocation);
        });
    }

    private static void AnalyzeInvocation(OperationAnalysisContext context, RetryWellKnownTypes types)
    {
        var invocation = (IInvocationOperation)context.Operation;
        var target = invocation.TargetMethod;

        // Most invocations call another method: rule them out before walking up the tree.
        if (target.MethodKind != MethodKind.LocalFunction &&
            !SymbolEqualityComparer.Default.Equals(target.OriginalDefinition, context.ContainingSymbol.OriginalDefinition))
        {
            return;
        }

        var function = CatchClauseContext.EnclosingFunction(invocation, context.ContainingSymbol);
        if (function is null ||
            !SymbolEqualityComparer.Default.Equals(target.OriginalDefinition, function.OriginalDefinition) ||
            invocation.Instance is not (null or IInstanceReferenceOperation))
        {
            return;
        }

        var catchClause = CatchClauseContext.EnclosingCatch(invocation);
        if (catchClause is null || !IsSameCallAgain(invocation, out var counters) || RetryOptions.IsSanctioned(context.Options, invocation))
        {
            return;
        }

        var limit = AttemptCounters.FindLimit([catchClause.Filter, catchClause.Handler], counters);
        var delay = RetryDelayInference.Infer(catchClause.Handler, counters, types);
        var involvesHttp = catchClause.Parent is ITryOperation tryOperation &&
            OperationSearch.DescendantsInSameBody(tryOperation.Body).OfType<IInvocationOperation>().Any(call => types.IsHttpClientCall(call.TargetMethod));
        context.ReportDiagnostic(Diagnostic.Create(
            Rule,
            invocation.Syntax.GetLocation(),
            function.Name,
            RetryLoopMatch.DescribeCaughtTypes(ImmutableArray.Create(catchClause)),
            AttemptCounters.DescribeLimit(limit) + ", " + delay.Describe(),
            RetryAdvice.HttpSuffix(involvesHttp)));
    }

    /// <summary>
    /// Every argument passes the method's own parameter on unchanged or steps it by one (<c>attempt + 1</c>,
    /// <c>retries - 1</c>): the same work again. Recursion over other data (a child node, the next page) is not a retry.
    /// </summary>
    private static bool IsSameCallAgain(IInvocationOperation invocation, out IReadOnlyCollection<ISymbol> counters)
    {
        var stepped = new List<ISymbol>();
        counters = stepped;
        foreach (var argument in invocation.Arguments)
        {
            if (argument.ArgumentKind == ArgumentKind.DefaultValue)
            {
                continue;
            }

            var value = argument.Value is IConversionOperation { IsImplicit: true } conversion ? conversion.Operand : argument.Value;
            switch (value)
            {
                case IParameterReferenceOperation passed when SymbolEqualityComparer.Default.Equals(passed.Parameter, argument.Parameter):
                    break;
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add or BinaryOperatorKind.Subtract, LeftOperand: IParameterReferenceOperation counter, RightOperand.ConstantValue.HasValue: true }
                    when SymbolEqualityComparer.Default.Equals(counter.Parameter, argument.Parameter):
                    stepped.Add(counter.Parameter);
                    break;
                case IIncrementOrDecrementOperation { Target: IParameterReferenceOperation counter }
                    when SymbolEqualityComparer.Default.Equals(counter.Parameter, argument.Parameter):
                    stepped.Add(counter.Parameter);
                    break;
                default:
                    return false;
            }
        }

        return true;
    }
}
