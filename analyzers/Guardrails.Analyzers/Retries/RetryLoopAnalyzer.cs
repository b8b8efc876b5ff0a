using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Guardrails.Analyzers.Retries;

/// <summary>GR1001, GR1002, GR1003: loops that run a failed operation again.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class RetryLoopAnalyzer : DiagnosticAnalyzer
{
    private static readonly DiagnosticDescriptor RetryLoopOnExceptionRule = new(
        RuleIdentifiers.RetryLoopOnException,
        title: "Retry loop written by hand",
        messageFormat: "Retry loop written by hand: after {0} the loop runs the operation again ({1}); " + RetryAdvice.Polly + "{2}",
        RuleCategories.Resilience,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "A loop with a try/catch that goes round again after a failure is a bespoke retry: attempts, delays, jitter, and which failures are transient are all decided ad hoc. A resilience library gets them right and observable.",
        helpLinkUri: RuleIdentifiers.GetHelpUri(RuleIdentifiers.RetryLoopOnException));

    private static readonly DiagnosticDescriptor TightRetryLoopRule = new(
        RuleIdentifiers.TightRetryLoop,
        title: "Tight retry loop with no delay between attempts",
        messageFormat: "Tight retry loop: after {0} the loop runs the operation again at once, with no delay between attempts ({1}), hammering a dependency that is already failing; " + RetryAdvice.Polly + "{2}",
        RuleCategories.Resilience,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "A retry with no delay turns one failure into a burst of calls against a dependency that is already struggling, and burns CPU while doing it.",
        helpLinkUri: RuleIdentifiers.GetHelpUri(RuleIdentifiers.TightRetryLoop));

    private static readonly DiagnosticDescriptor RetryLoopOnFailedResultRule = new(
        RuleIdentifiers.RetryLoopOnFailedResult,
        title: "Retry loop on a failed result written by hand",
        messageFormat: "Retry loop written by hand: the loop runs the operation again when {0} ({1}); " + RetryAdvice.Polly + " with ShouldHandle on the result{2}",
        RuleCategories.Resilience,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "A loop that calls an operation again while its result reports failure (a false flag, an unsuccessful HTTP status) is a bespoke retry; a resilience pipeline can handle results as well as exceptions.",
        helpLinkUri: RuleIdentifiers.GetHelpUri(RuleIdentifiers.RetryLoopOnFailedResult));

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(RetryLoopOnExceptionRule, TightRetryLoopRule, RetryLoopOnFailedResultRule);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(compilationContext =>
        {
            var types = RetryWellKnownTypes.OnDemand(compilationContext.Compilation);

            // One callback per loop on the operation tree every build already has (the SDK's own analyzers need
            // it), and a syntax filter (see RetryLoopSyntax) before any other work. A syntax-node callback asking
            // for the loop's operation would bind its whole method a second time, or first, on its own account.
            compilationContext.RegisterOperationAction(operationContext => AnalyzeLoop(operationContext, types), OperationKind.Loop);
        });
    }

    private static void AnalyzeLoop(OperationAnalysisContext context, Lazy<RetryWellKnownTypes?> types)
    {
        if (context.Operation is not ILoopOperation { Syntax: StatementSyntax syntax } loop)
        {
            return;
        }

        var shape = RetryLoopSyntax.Classify(syntax);
        if (shape == RetryLoopShape.None || types.Value is not { } resolved)
        {
            return;
        }

        var match = RetryLoopDetector.Detect(loop, shape, resolved);
        if (match is null || RetryOptions.IsSanctioned(context.Options, loop) || RetryOptions.IsRetryEngine(context.Options, loop.Body))
        {
            return;
        }

        var rule = match.IsTight
            ? TightRetryLoopRule
            : match.Kind == RetryLoopKind.AfterException ? RetryLoopOnExceptionRule : RetryLoopOnFailedResultRule;
        context.ReportDiagnostic(Diagnostic.Create(
            rule,
            LoopKeywordLocation(loop),
            match.DescribeTrigger(),
            match.DescribeDetails(),
            RetryAdvice.HttpSuffix(match.Http)));
    }

    /// <summary>The <c>for</c>/<c>while</c>/<c>do</c> keyword: short, and where a reader starts reading the loop.</summary>
    private static Location LoopKeywordLocation(ILoopOperation loop) => loop.Syntax switch
    {
        ForStatementSyntax forStatement => forStatement.ForKeyword.GetLocation(),
        WhileStatementSyntax whileStatement => whileStatement.WhileKeyword.GetLocation(),
        DoStatementSyntax doStatement => doStatement.DoKeyword.GetLocation(),
        _ => loop.Syntax.GetLocation(),
    };
}
