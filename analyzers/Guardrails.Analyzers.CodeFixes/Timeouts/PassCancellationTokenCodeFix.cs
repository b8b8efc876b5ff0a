using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Guardrails.Analyzers.CodeFixes.Timeouts;

/// <summary>
/// GR2001, GR2003, GR2004, GR2005: passes a cancellation token that is in scope (a local or field token, or a
/// <c>CancellationTokenSource</c>'s <c>Token</c>) to the call, replacing <c>default</c> or
/// <c>CancellationToken.None</c> when one is written. Offered only when the call then binds to an overload
/// taking the token and its result still fits where it is used.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(PassCancellationTokenCodeFix))]
[Shared]
public sealed class PassCancellationTokenCodeFix : CodeFixProvider
{
    /// <summary>Enough choices to cover a local, a field and a property without burying the list.</summary>
    private const int MaximumChoices = 3;

    public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(
        RuleIdentifiers.UnboundedWait,
        RuleIdentifiers.UnboundedConnect,
        RuleIdentifiers.GrpcCallWithoutDeadline,
        RuleIdentifiers.HttpClientCallWithoutBound);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var semanticModel = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (semanticModel is null
            || root?.FindNode(context.Span, getInnermostNodeForTie: true).FirstAncestorOrSelf<InvocationExpressionSyntax>() is not { } invocation
            || semanticModel.GetSymbolInfo(invocation, context.CancellationToken).Symbol is not IMethodSymbol original)
        {
            return;
        }

        var choices = 0;
        foreach (var token in TokensInScope.At(semanticModel, invocation.SpanStart))
        {
            if (choices == MaximumChoices)
            {
                break;
            }

            if (WithToken(semanticModel, invocation, original, token) is { } fixedInvocation)
            {
                choices++;
                var title = "Pass '" + token + "'";
                context.RegisterCodeFix(
                    CodeAction.Create(
                        title,
                        cancellationToken => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(invocation, fixedInvocation))),
                        equivalenceKey: nameof(PassCancellationTokenCodeFix) + ":" + token),
                    context.Diagnostics);
            }
        }
    }

    /// <summary>The call with the token in the first form that compiles: replacing a written no-token,
    /// appended by position, or appended by name.</summary>
    private static InvocationExpressionSyntax? WithToken(SemanticModel semanticModel, InvocationExpressionSyntax invocation, IMethodSymbol original, ExpressionSyntax token)
    {
        foreach (var candidate in Candidates(semanticModel, invocation, original, token))
        {
            var bound = semanticModel.GetSpeculativeSymbolInfo(invocation.SpanStart, candidate, SpeculativeBindingOption.BindAsExpression).Symbol;
            if (bound is IMethodSymbol method
                && method.Parameters.Any(parameter => parameter.Type.Name == nameof(CancellationToken))
                && ResultStillFits(invocation, original, method))
            {
                return candidate.WithTriviaFrom(invocation);
            }
        }

        return null;
    }

    private static InvocationExpressionSyntax[] Candidates(SemanticModel semanticModel, InvocationExpressionSyntax invocation, IMethodSymbol original, ExpressionSyntax token)
    {
        var written = invocation.ArgumentList.Arguments.FirstOrDefault(argument =>
            semanticModel.GetTypeInfo(argument.Expression).ConvertedType?.Name == nameof(CancellationToken));
        if (written is not null)
        {
            return [invocation.ReplaceNode(written, written.WithExpression(token))];
        }

        var tokenParameter = original.ContainingType.GetMembers(original.Name)
            .OfType<IMethodSymbol>()
            .SelectMany(method => method.Parameters)
            .FirstOrDefault(parameter => parameter.Type.Name == nameof(CancellationToken));
        var positional = invocation.AddArgumentListArguments(SyntaxFactory.Argument(token));
        return tokenParameter is null
            ? [positional]
            : [positional, invocation.AddArgumentListArguments(SyntaxFactory.Argument(SyntaxFactory.NameColon(tokenParameter.Name), default, token))];
    }

    /// <summary>
    /// An overload with a token may return something else (<c>ValueTask</c> for <c>Task</c>); that only fits
    /// where the result is awaited or thrown away.
    /// </summary>
    private static bool ResultStillFits(InvocationExpressionSyntax invocation, IMethodSymbol original, IMethodSymbol withToken)
        => SymbolEqualityComparer.Default.Equals(original.ReturnType, withToken.ReturnType)
            || invocation.Parent is AwaitExpressionSyntax or ExpressionStatementSyntax;
}
