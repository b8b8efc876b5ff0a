using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Guardrails.Analyzers.Retries;

/// <summary>
/// GR1004: a method that calls itself again, with the same arguments or a counter stepped by one, from its own
/// catch block or after the result of an action it ran reported failure.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class RecursiveRetryAnalyzer : DiagnosticAnalyzer
{
    private static readonly DiagnosticDescriptor Rule = new(
        RuleIdentifiers.RecursiveRetry,
        title: "Recursive retry written by hand",
        messageFormat: "Recursive retry: '{0}' calls itself again {1} ({2}); " + RetryAdvice.Polly + "{3}",
        RuleCategories.Resilience,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "Calling the failing method again from its own catch block, or after its result reported failure, is a retry with the stack as its loop: each attempt deepens the stack, keeps every earlier frame alive, and the limit, delay and handled failures are decided ad hoc.",
        helpLinkUri: RuleIdentifiers.GetHelpUri(RuleIdentifiers.RecursiveRetry));

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rule);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(compilationContext =>
        {
            var types = RetryWellKnownTypes.OnDemand(compilationContext.Compilation);

            // One callback per call, on the operation tree every build already has (the SDK's own analyzers need it):
            // whether a call targets the method it sits in is two symbol comparisons on objects the driver has just
            // built, so no method's source text or syntax is read unless it calls itself.
            compilationContext.RegisterOperationAction(operationContext => AnalyzeCall(operationContext, types), OperationKind.Invocation);
        });
    }

    private static void AnalyzeCall(OperationAnalysisContext context, Lazy<RetryWellKnownTypes?> types)
    {
        var invocation = (IInvocationOperation)context.Operation;
        var target = invocation.TargetMethod.OriginalDefinition;
        if (target.MethodKind != MethodKind.LocalFunction &&
            !SymbolEqualityComparer.Default.Equals(target, context.ContainingSymbol.OriginalDefinition))
        {
            return;
        }

        if (CatchClauseContext.EnclosingFunction(invocation, context.ContainingSymbol) is not { } function ||
            !SymbolEqualityComparer.Default.Equals(target, function.OriginalDefinition) ||
            invocation.Syntax is not InvocationExpressionSyntax call ||
            DeclaringFunction(call) is not { } declaring)
        {
            return;
        }

        // Syntax next: a call by the method's own name, passing its own parameters again, from a catch block or after
        // an earlier action whose result the method tests.
        if (InvokedName(call.Expression) == declaring.Name &&
            PassesOwnParametersAgain(call.ArgumentList, declaring.Parameters) &&
            (RetryCandidateSyntax.EnclosingCatch(call) is not null || ActionTestedBefore(declaring.Body, call)))
        {
            AnalyzeInvocation(context, invocation, function, types);
        }
    }

    /// <summary>
    /// The method or local function whose body holds <paramref name="call"/>: its name, parameters and body; null when
    /// the call sits in a lambda, or in another kind of member (a constructor, an accessor, an operator).
    /// </summary>
    private static (string Name, ParameterListSyntax Parameters, SyntaxNode Body)? DeclaringFunction(InvocationExpressionSyntax call)
    {
        for (var current = call.Parent; current is not null; current = current.Parent)
        {
            var (name, parameters, body) = current switch
            {
                MethodDeclarationSyntax method => (method.Identifier.ValueText, method.ParameterList, (SyntaxNode?)method.Body ?? method.ExpressionBody),
                LocalFunctionStatementSyntax local => (local.Identifier.ValueText, local.ParameterList, (SyntaxNode?)local.Body ?? local.ExpressionBody),
                _ => (string.Empty, null, null),
            };
            if (body is not null && parameters is not null)
            {
                return body.Span.Contains(call.Span) ? (name, parameters, body) : null;
            }

            if (current is AnonymousFunctionExpressionSyntax or MemberDeclarationSyntax)
            {
                return null;
            }
        }

        return null;
    }

    /// <summary>Whether a call to an action whose result the method keeps comes before <paramref name="call"/> in the same body.</summary>
    private static bool ActionTestedBefore(SyntaxNode body, InvocationExpressionSyntax call) =>
        RetryCandidateSyntax.NodesInSameBody(body)
            .TakeWhile(node => node != call)
            .OfType<InvocationExpressionSyntax>()
            .Any(RetryCandidateSyntax.MayReportResultOfAction);

    /// <summary>
    /// The syntax of <see cref="IsSameCallAgain"/>: each argument names a parameter, steps one by a constant, or
    /// increments or decrements it (<c>-value</c> is other data). A postfix operator may also be <c>value!</c>, which
    /// passes the parameter on unchanged.
    /// </summary>
    private static bool PassesOwnParametersAgain(ArgumentListSyntax arguments, ParameterListSyntax parameters)
    {
        if (arguments.Arguments.Count > parameters.Parameters.Count)
        {
            return false;
        }

        foreach (var argument in arguments.Arguments)
        {
            var named = argument.Expression switch
            {
                IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
                BinaryExpressionSyntax { RawKind: (int)SyntaxKind.AddExpression or (int)SyntaxKind.SubtractExpression, Left: IdentifierNameSyntax counter, Right: LiteralExpressionSyntax } => counter.Identifier.ValueText,
                PrefixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.PreIncrementExpression or (int)SyntaxKind.PreDecrementExpression, Operand: IdentifierNameSyntax counter } => counter.Identifier.ValueText,
                PostfixUnaryExpressionSyntax { Operand: IdentifierNameSyntax counter } => counter.Identifier.ValueText,
                _ => null,
            };
            if (named is null || !parameters.Parameters.Any(parameter => parameter.Identifier.ValueText == named))
            {
                return false;
            }
        }

        return true;
    }

    private static string? InvokedName(ExpressionSyntax expression) => expression switch
    {
        IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
        GenericNameSyntax generic => generic.Identifier.ValueText,
        MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax, Name: var member } => member.Identifier.ValueText,
        _ => null,
    };

    private static void AnalyzeInvocation(OperationAnalysisContext context, IInvocationOperation invocation, IMethodSymbol function, Lazy<RetryWellKnownTypes?> lazyTypes)
    {
        // The framework types are looked up only once the call is known to be the same call again.
        var enclosing = CatchClauseContext.EnclosingFunction(invocation, function);
        if (enclosing is null ||
            !SymbolEqualityComparer.Default.Equals(invocation.TargetMethod.OriginalDefinition, function.OriginalDefinition) ||
            !SymbolEqualityComparer.Default.Equals(enclosing.OriginalDefinition, function.OriginalDefinition) ||
            invocation.Instance is not (null or IInstanceReferenceOperation) ||
            !IsSameCallAgain(invocation, out var counters) ||
            lazyTypes.Value is not { } types)
        {
            return;
        }

        var retry = AfterException(invocation) ?? AfterFailedResult(invocation, types);
        if (retry is null ||
            RetryOptions.IsSanctioned(context.Options, invocation) ||
            RetryOptions.IsRetryEngine(context.Options, retry.Value.Decision))
        {
            return;
        }

        var (trigger, decision, waits, retried) = retry.Value;
        var limit = AttemptCounters.FindLimit([decision], counters);
        var delay = RetryDelayInference.Infer(waits, counters, types);
        context.ReportDiagnostic(Diagnostic.Create(
            Rule,
            invocation.Syntax.GetLocation(),
            function.Name,
            trigger,
            AttemptCounters.DescribeLimit(limit) + ", " + delay.Describe(),
            RetryAdvice.HttpSuffix(types.HttpInvolvementOf(retried, function))));
    }

    /// <summary>From the catch block: the catch clause decides, the try block is what failed.</summary>
    private static (string Trigger, IOperation Decision, IOperation Waits, IOperation Retried)? AfterException(IInvocationOperation invocation)
    {
        if (CatchClauseContext.EnclosingCatch(invocation) is not { Parent: ITryOperation tryOperation } catchClause)
        {
            return null;
        }

        return ("from its catch block after catching " + RetryLoopMatch.DescribeCaughtTypes(ImmutableArray.Create(catchClause)), catchClause, catchClause.Handler, tryOperation.Body);
    }

    /// <summary>
    /// After a failed result: <c>if (!response.IsSuccessStatusCode &amp;&amp; retries &gt; 0) return await GetAsync(url, retries - 1);</c>,
    /// or <c>if (TrySend(message)) return true; Thread.Sleep(1000); return Send(message);</c>.
    /// </summary>
    private static (string Trigger, IOperation Decision, IOperation Waits, IOperation Retried)? AfterFailedResult(IInvocationOperation invocation, RetryWellKnownTypes types)
    {
        var body = CatchClauseContext.Root(invocation);
        IOperation child = invocation;
        for (var current = invocation.Parent; current is not null && current is not (IAnonymousFunctionOperation or ILocalFunctionOperation); child = current, current = current.Parent)
        {
            if (current is IConditionalOperation check && check.WhenTrue == child &&
                ResultChecks.Failure(check.Condition, body, types) is { } failed &&
                IsEarlierAction(failed, invocation))
            {
                return ("when " + failed.Description, check, check, failed.Action);
            }

            if (current is IBlockOperation block)
            {
                // An earlier statement of the same block leaves when the action worked: what follows runs on failure.
                foreach (var statement in block.Operations.TakeWhile(statement => statement != child))
                {
                    if (statement is IConditionalOperation { WhenFalse: null } successCheck &&
                        OperationSearch.TopLevelStatements(successCheck.WhenTrue).LastOrDefault() is IReturnOperation &&
                        ResultChecks.Success(successCheck.Condition, body, types) is { } worked &&
                        IsEarlierAction(worked, invocation))
                    {
                        return ("when " + worked.Description, successCheck, block, worked.Action);
                    }
                }
            }
        }

        return null;
    }

    private static bool IsEarlierAction(FailedResult result, IInvocationOperation recursiveCall) =>
        result.Action != recursiveCall && result.Action.Syntax.SpanStart < recursiveCall.Syntax.SpanStart &&
        !recursiveCall.Syntax.Span.Contains(result.Action.Syntax.Span);

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
