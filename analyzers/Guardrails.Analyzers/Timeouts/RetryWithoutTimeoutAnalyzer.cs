using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Guardrails.Analyzers.Timeouts;

/// <summary>
/// GR2006: a Polly v8 <c>ResiliencePipelineBuilder</c> that gets <c>AddRetry</c> but no <c>AddTimeout</c> in
/// the same chain or on the same builder variable in the same member.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class RetryWithoutTimeoutAnalyzer : DiagnosticAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = new(
        RuleIdentifiers.RetryWithoutTimeout,
        title: "Resilience pipeline retries without a timeout",
        messageFormat: "This pipeline retries but has no timeout, so one hung attempt hangs the caller and retries multiply the wait: add an attempt timeout with .AddTimeout(...) after AddRetry",
        RuleCategories.Timeouts,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "Retries recover from failures that come back; a hung call never comes back. A timeout strategy after the retry strategy bounds every attempt, so the retry can try again.",
        helpLinkUri: RuleIdentifiers.GetHelpUri(RuleIdentifiers.RetryWithoutTimeout));

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(OnCompilationStart);
    }

    private static void OnCompilationStart(CompilationStartAnalysisContext context)
    {
        var retry = context.Compilation.GetTypeByMetadataName("Polly.RetryResiliencePipelineBuilderExtensions");
        var timeout = context.Compilation.GetTypeByMetadataName("Polly.TimeoutResiliencePipelineBuilderExtensions");
        if (retry is null || timeout is null)
        {
            return;
        }

        var strategies = new PollyStrategies(retry, timeout);
        var testCode = TestCodeFilter.Create(context.Compilation);
        context.RegisterSyntaxNodeAction(c => AnalyzeInvocation(c, strategies, testCode), SyntaxKind.InvocationExpression);
    }

    private static void AnalyzeInvocation(SyntaxNodeAnalysisContext context, PollyStrategies strategies, TestCodeFilter testCode)
    {
        // Every call of a build comes through here: the written name keeps semantic work for AddRetry.
        if (InvokedName.Of((InvocationExpressionSyntax)context.Node) != "AddRetry"
            || context.SemanticModel.GetSymbolInfo(context.Node, context.CancellationToken).Symbol is not IMethodSymbol addRetry
            || !strategies.IsAddRetry(addRetry)
            || context.SemanticModel.GetOperation(context.Node, context.CancellationToken) is not IInvocationOperation invocation)
        {
            return;
        }

        var chain = BuilderChain.Of(invocation);
        if (strategies.HasTimeout(chain)
            || IsComposedByCaller(chain)
            || HasTimeoutOnSameBuilder(invocation, chain, strategies)
            || testCode.Skips(context))
        {
            return;
        }

        context.ReportDiagnostic(Diagnostic.Create(Rule, InvocationLocation.NameOf(invocation)));
    }

    /// <summary>
    /// A helper such as <c>ConfigureRetry(ResiliencePipelineBuilder builder, RetryOptions options)</c> adds one
    /// strategy to a pipeline its caller composes, often next to a <c>ConfigureTimeout</c> helper: the whole
    /// pipeline is not in sight. A lambda given the builder, or a method taking Polly's
    /// <c>AddResiliencePipelineContext</c>, is the whole pipeline's configuration and is judged.
    /// </summary>
    private static bool IsComposedByCaller(BuilderChain chain)
    {
        if (chain.StartSymbol is not IParameterSymbol { ContainingSymbol: IMethodSymbol { MethodKind: MethodKind.Ordinary or MethodKind.LocalFunction } method })
        {
            return false;
        }

        foreach (var parameter in method.Parameters)
        {
            if (parameter.Type.Name == "AddResiliencePipelineContext")
            {
                return false;
            }
        }

        return true;
    }

    private static bool HasTimeoutOnSameBuilder(IOperation invocation, BuilderChain chain, PollyStrategies strategies)
    {
        var builder = chain.StartSymbol ?? chain.StoredIn;
        if (builder is null)
        {
            return false;
        }

        var root = invocation;
        while (root.Parent is not null)
        {
            root = root.Parent;
        }

        foreach (var descendant in root.Descendants())
        {
            if (descendant is IInvocationOperation other && strategies.IsAddTimeout(other.TargetMethod))
            {
                var otherChain = BuilderChain.Of(other);
                if (SymbolEqualityComparer.Default.Equals(otherChain.StartSymbol, builder)
                    || SymbolEqualityComparer.Default.Equals(otherChain.StoredIn, builder))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private sealed class PollyStrategies(INamedTypeSymbol retryExtensions, INamedTypeSymbol timeoutExtensions)
    {
        public bool IsAddRetry(IMethodSymbol method)
            => method.Name == "AddRetry" && SymbolEqualityComparer.Default.Equals(method.ContainingType, retryExtensions);

        public bool IsAddTimeout(IMethodSymbol method)
            => method.Name == "AddTimeout" && SymbolEqualityComparer.Default.Equals(method.ContainingType, timeoutExtensions);

        public bool HasTimeout(BuilderChain chain)
        {
            foreach (var call in chain.Calls)
            {
                if (IsAddTimeout(call.TargetMethod))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
