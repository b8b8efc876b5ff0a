using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Guardrails.Analyzers.Retries;

/// <summary>GR1005: <c>goto</c> from a catch block back to a label before its try statement.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class GotoRetryAnalyzer : DiagnosticAnalyzer
{
    private static readonly DiagnosticDescriptor Rule = new(
        RuleIdentifiers.GotoRetry,
        title: "goto retry from a catch block",
        messageFormat: "goto retry: after catching {0} the catch block jumps back to '{1}' to run the operation again ({2}); " + RetryAdvice.Polly + "{3}",
        RuleCategories.Resilience,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "A goto from a catch block back above its try statement is a retry loop in disguise: easy to miss in review, and its limit, delay and handled failures are decided ad hoc.",
        helpLinkUri: RuleIdentifiers.GetHelpUri(RuleIdentifiers.GotoRetry));

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

            compilationContext.RegisterOperationAction(operationContext => AnalyzeBranch(operationContext, types), OperationKind.Branch);
        });
    }

    private static void AnalyzeBranch(OperationAnalysisContext context, RetryWellKnownTypes types)
    {
        var branch = (IBranchOperation)context.Operation;
        if (branch.BranchKind != BranchKind.GoTo || CatchClauseContext.EnclosingCatch(branch) is not { Parent: ITryOperation tryOperation } catchClause)
        {
            return;
        }

        var label = OperationSearch.DescendantsInSameBody(CatchClauseContext.Root(branch))
            .OfType<ILabeledOperation>()
            .FirstOrDefault(labeled => SymbolEqualityComparer.Default.Equals(labeled.Label, branch.Target));
        if (label is null || label.Syntax.SpanStart > tryOperation.Syntax.SpanStart || RetryOptions.IsSanctioned(context.Options, branch))
        {
            return;
        }

        var counters = AttemptCounters.Find(catchClause.Handler);
        var limit = AttemptCounters.FindLimit([catchClause.Filter, catchClause.Handler], counters);
        var delay = RetryDelayInference.Infer(catchClause.Handler, counters, types);
        var involvesHttp = OperationSearch.DescendantsInSameBody(tryOperation.Body).OfType<IInvocationOperation>().Any(call => types.IsHttpClientCall(call.TargetMethod));
        context.ReportDiagnostic(Diagnostic.Create(
            Rule,
            branch.Syntax.GetLocation(),
            RetryLoopMatch.DescribeCaughtTypes(ImmutableArray.Create(catchClause)),
            branch.Target.Name,
            AttemptCounters.DescribeLimit(limit) + ", " + delay.Describe(),
            RetryAdvice.HttpSuffix(involvesHttp)));
    }
}
