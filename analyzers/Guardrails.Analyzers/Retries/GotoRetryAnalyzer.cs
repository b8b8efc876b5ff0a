using System;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Guardrails.Analyzers.Retries;

/// <summary>
/// GR1005: <c>goto</c> back to a label before the code that failed, from its catch block or from an <c>if</c>
/// that tests the result of that code (<c>if (!TrySend(...) &amp;&amp; ++tries &lt; 3) goto retry;</c>).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class GotoRetryAnalyzer : DiagnosticAnalyzer
{
    private static readonly DiagnosticDescriptor Rule = new(
        RuleIdentifiers.GotoRetry,
        title: "goto retry written by hand",
        messageFormat: "goto retry: {0} the code jumps back to '{1}' to run the operation again ({2}); " + RetryAdvice.Polly + "{3}",
        RuleCategories.Resilience,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "A goto back above the code that failed (from its catch block, or after testing its result) is a retry loop in disguise: easy to miss in review, and its limit, delay and handled failures are decided ad hoc.",
        helpLinkUri: RuleIdentifiers.GetHelpUri(RuleIdentifiers.GotoRetry));

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rule);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(compilationContext =>
        {
            var types = RetryWellKnownTypes.OnDemand(compilationContext.Compilation);

            // goto is rare: a syntax-kind filter means no other statement costs anything.
            compilationContext.RegisterSyntaxNodeAction(syntaxContext => AnalyzeGoto(syntaxContext, types), SyntaxKind.GotoStatement);
        });
    }

    private static void AnalyzeGoto(SyntaxNodeAnalysisContext context, Lazy<RetryWellKnownTypes?> types)
    {
        if (!GotoRetrySyntax.MayBeRetry((GotoStatementSyntax)context.Node) ||
            types.Value is not { } resolved ||
            context.SemanticModel.GetOperation(context.Node, context.CancellationToken) is not IBranchOperation { BranchKind: BranchKind.GoTo } branch)
        {
            return;
        }

        var label = OperationSearch.DescendantsInSameBody(CatchClauseContext.Root(branch))
            .OfType<ILabeledOperation>()
            .FirstOrDefault(labeled => SymbolEqualityComparer.Default.Equals(labeled.Label, branch.Target));
        if (label is null || label.Syntax.SpanStart > branch.Syntax.SpanStart)
        {
            return;
        }

        var retry = AfterException(branch, label, resolved) ?? AfterFailedResult(branch, label, resolved);
        if (retry is null ||
            RetryOptions.IsSanctioned(context.Options, branch) ||
            RetryOptions.IsRetryEngine(context.Options, retry.Value.Decision))
        {
            return;
        }

        var (trigger, decision, retried) = retry.Value;
        var counters = AttemptCounters.Find(decision);
        var limit = AttemptCounters.FindLimit([decision], counters);
        var delay = RetryDelayInference.Infer(decision, counters, resolved);
        context.ReportDiagnostic(Diagnostic.Create(
            Rule,
            branch.Syntax.GetLocation(),
            trigger,
            branch.Target.Name,
            AttemptCounters.DescribeLimit(limit) + ", " + delay.Describe(),
            RetryAdvice.HttpSuffix(resolved.HttpInvolvementOf(retried, context.ContainingSymbol))));
    }

    /// <summary><c>retry: try { ... } catch (T) { ...; goto retry; }</c>: the decision is the catch clause.</summary>
    private static (string Trigger, IOperation Decision, IOperation Retried)? AfterException(IBranchOperation branch, ILabeledOperation label, RetryWellKnownTypes types)
    {
        if (CatchClauseContext.EnclosingCatch(branch) is not { Parent: ITryOperation tryOperation } catchClause ||
            label.Syntax.SpanStart > tryOperation.Syntax.SpanStart ||
            ChangesWhatTheTryDoes(catchClause.Handler, tryOperation.Body, types))
        {
            return null;
        }

        return ("after catching " + RetryLoopMatch.DescribeCaughtTypes(ImmutableArray.Create(catchClause)) + ",", catchClause, tryOperation.Body);
    }

    /// <summary>
    /// <c>catch { if (failedUrl != null) throw; failedUrl = url.ToLower(); goto retry; }</c> with the try reading
    /// <c>failedUrl ?? url</c>: the catch changes what the try block does (another URL, full instead of delta
    /// updates), so the jump runs a fallback, not the same operation again. Reads in lambdas count: the try block's
    /// work often runs in one.
    /// </summary>
    private static bool ChangesWhatTheTryDoes(IBlockOperation handler, IBlockOperation tryBody, RetryWellKnownTypes types)
    {
        var changed = OperationSearch.DescendantsInSameBody(handler)
            .OfType<ISimpleAssignmentOperation>()
            .Select(assignment => RetryDelayInference.VariableOf(assignment.Target))
            .Where(symbol => symbol is ILocalSymbol or IParameterSymbol or IFieldSymbol)
            .Cast<ISymbol>()
            .ToImmutableArray();
        return !changed.IsEmpty && tryBody.Descendants()
            .Where(node => node is ILocalReferenceOperation or IParameterReferenceOperation or IFieldReferenceOperation)
            .Any(reference => RetryDelayInference.VariableOf(reference) is { } symbol &&
                              changed.Contains(symbol, SymbolEqualityComparer.Default) &&
                              !RetryLoopDetector.IsOnlyReported(reference, types));
    }

    /// <summary><c>retry: var ok = TrySend(); if (!ok &amp;&amp; ++tries &lt; 3) { Thread.Sleep(...); goto retry; }</c>: the decision is the if.</summary>
    private static (string Trigger, IOperation Decision, IOperation Retried)? AfterFailedResult(IBranchOperation branch, ILabeledOperation label, RetryWellKnownTypes types)
    {
        for (var current = branch.Parent; current is not null && current is not (IAnonymousFunctionOperation or ILocalFunctionOperation); current = current.Parent)
        {
            if (current is IConditionalOperation check &&
                check.WhenTrue.Syntax.Span.Contains(branch.Syntax.Span) &&
                check.Syntax.SpanStart > label.Syntax.SpanStart &&
                ResultChecks.Failure(check.Condition, CatchClauseContext.Root(branch), types) is { } failed &&
                failed.Action.Syntax.SpanStart > label.Syntax.SpanStart &&
                failed.Action.Syntax.SpanStart < branch.Syntax.SpanStart)
            {
                return ("when " + failed.Description + ",", check, failed.Action);
            }
        }

        return null;
    }
}
