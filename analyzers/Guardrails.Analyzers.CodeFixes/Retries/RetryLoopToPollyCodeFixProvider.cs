using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace Guardrails.Analyzers.CodeFixes.Retries;

/// <summary>
/// GR1001/GR1002: rewrites a canonical retry loop into a Polly v8 <c>ResiliencePipeline</c> with the same attempts,
/// delay, backoff, handled exceptions and cancellation token. Offered only where Polly.Core is referenced and
/// the loop's behaviour can be kept. Fix All (document, project, solution) rewrites every such loop of a document
/// in one pass and the documents one after another (<see cref="RetryLoopFixAllProvider"/>), so pipeline names never
/// clash and a shared field is declared once per type, even a partial one.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RetryLoopToPollyCodeFixProvider)), Shared]
public sealed class RetryLoopToPollyCodeFixProvider : CodeFixProvider
{
    internal const string Title = "Use a Polly retry pipeline";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } =
        ImmutableArray.Create(RuleIdentifiers.RetryLoopOnException, RuleIdentifiers.TightRetryLoop);

    public override FixAllProvider GetFixAllProvider() => RetryLoopFixAllProvider.Instance;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            var position = diagnostic.Location.SourceSpan.Start;
            if (RetryLoopRewriter.Plan(root, model, position, context.CancellationToken) is null)
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create(
                    Title,
                    async cancellationToken => await RetryLoopRewriter.RewriteAsync(context.Document, [position], cancellationToken).ConfigureAwait(false) ?? context.Document,
                    equivalenceKey: Title),
                diagnostic);
        }
    }
}
