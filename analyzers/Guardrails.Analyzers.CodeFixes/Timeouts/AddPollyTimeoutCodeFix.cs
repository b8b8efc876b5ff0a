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
/// GR2006: appends <c>.AddTimeout(TimeSpan.FromSeconds(30))</c> right after <c>AddRetry(...)</c>. Polly runs
/// strategies in the order they are added, outermost first, so a timeout added after the retry bounds each
/// attempt and the retry can try again after it fires.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AddPollyTimeoutCodeFix))]
[Shared]
public sealed class AddPollyTimeoutCodeFix : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(RuleIdentifiers.RetryWithoutTimeout);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var semanticModel = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (semanticModel is null || root?.FindNode(context.Span, getInnermostNodeForTie: true).FirstAncestorOrSelf<InvocationExpressionSyntax>() is not
            { Expression: MemberAccessExpressionSyntax } addRetry)
        {
            return;
        }

        context.RegisterCodeFix(
            CodeAction.Create(
                "Add an attempt timeout after the retry",
                cancellationToken => AddTimeoutAsync(context.Document, root, semanticModel, addRetry, cancellationToken),
                equivalenceKey: nameof(AddPollyTimeoutCodeFix)),
            context.Diagnostics);
    }

    private static Task<Document> AddTimeoutAsync(Document document, SyntaxNode root, SemanticModel semanticModel, InvocationExpressionSyntax addRetry, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var timeout = DefaultTimeout.Expression(DefaultTimeout.For(document, addRetry.SyntaxTree), semanticModel, addRetry.SpanStart);
        var retryAccess = (MemberAccessExpressionSyntax)addRetry.Expression;

        // A chain written one call per line gets the new call on its own line, indented like AddRetry.
        var lineBreak = retryAccess.OperatorToken.GetPreviousToken().TrailingTrivia.FirstOrDefault(trivia => trivia.IsKind(SyntaxKind.EndOfLineTrivia));
        var retry = lineBreak.IsKind(SyntaxKind.EndOfLineTrivia) ? addRetry.WithTrailingTrivia(lineBreak) : addRetry.WithoutTrailingTrivia();
        var dot = SyntaxFactory.Token(SyntaxKind.DotToken).WithLeadingTrivia(
            lineBreak.IsKind(SyntaxKind.EndOfLineTrivia) ? retryAccess.OperatorToken.LeadingTrivia : default);
        var withTimeout = SyntaxFactory.InvocationExpression(
                SyntaxFactory.MemberAccessExpression(
                    SyntaxKind.SimpleMemberAccessExpression,
                    retry,
                    dot,
                    SyntaxFactory.IdentifierName("AddTimeout")),
                SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(timeout))))
            .WithTrailingTrivia(addRetry.GetTrailingTrivia());

        return Task.FromResult(document.WithSyntaxRoot(root.ReplaceNode(addRetry, withTimeout)));
    }
}
