using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Text;

namespace Guardrails.Analyzers.CodeFixes.Timeouts;

/// <summary>
/// GR2001, GR2003, GR2004, GR2005: passes a cancellation token that is in scope (a local or field token, or a
/// <c>CancellationTokenSource</c>'s <c>Token</c>) to the call, replacing <c>default</c> or
/// <c>CancellationToken.None</c> when one is written. Offered only when the call then binds to an overload
/// taking the token and its result still fits where it is used.
/// GR2003 and GR2005 (a connect or an HTTP request) are also offered a bound of their own, which is the only fix
/// when no token is in scope: a <c>CancellationTokenSource</c> of the default timeout (<see cref="TimeoutTokenSource"/>).
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(PassCancellationTokenCodeFix))]
[Shared]
public sealed class PassCancellationTokenCodeFix : CodeFixProvider
{
    /// <summary>Enough choices to cover a local, a field and a property without burying the list.</summary>
    private const int MaximumChoices = 3;

    private const string PassTokenKey = nameof(PassCancellationTokenCodeFix) + ":";

    private const string TimeoutSourceKey = nameof(PassCancellationTokenCodeFix) + ".TimeoutSource";

    public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(
        RuleIdentifiers.UnboundedWait,
        RuleIdentifiers.UnboundedConnect,
        RuleIdentifiers.GrpcCallWithoutDeadline,
        RuleIdentifiers.HttpClientCallWithoutBound);

    /// <summary>
    /// One edit per document rather than the batch fixer's merge of one document per call: the timeout sources
    /// share the type's <c>WaitTimeout</c> field and need distinct names within a member. A Fix All started
    /// without an action (as <c>dotnet format</c> does when the first call has none) applies each call's first fix.
    /// </summary>
    public override FixAllProvider GetFixAllProvider() => FixAllProvider.Create(FixAllInDocumentAsync);

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var semanticModel = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || semanticModel is null || ReportedCall(root, context.Span) is not { } invocation)
        {
            return;
        }

        foreach (var (token, fixedInvocation) in TokenChoices(semanticModel, invocation, context.CancellationToken))
        {
            context.RegisterCodeFix(
                CodeAction.Create(
                    "Pass '" + token + "'",
                    cancellationToken => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(invocation, fixedInvocation))),
                    equivalenceKey: PassTokenKey + token),
                context.Diagnostics);
        }

        if (context.Diagnostics.Any(OffersTimeoutSource) && TimeoutTokenSource.For(semanticModel, invocation, context.CancellationToken) is not null)
        {
            context.RegisterCodeFix(
                CodeAction.Create(
                    "Cancel it after the default timeout (a new CancellationTokenSource)",
                    cancellationToken => FixAllInDocumentAsync(context.Document, context.Diagnostics, TimeoutSourceKey, cancellationToken),
                    equivalenceKey: TimeoutSourceKey),
                context.Diagnostics);
        }
    }

    private static bool OffersTimeoutSource(Diagnostic diagnostic)
        => diagnostic.Id is RuleIdentifiers.UnboundedConnect or RuleIdentifiers.HttpClientCallWithoutBound;

    private static InvocationExpressionSyntax? ReportedCall(SyntaxNode root, TextSpan span)
        => root.FindNode(span, getInnermostNodeForTie: true).FirstAncestorOrSelf<InvocationExpressionSyntax>();

    /// <summary>The tokens in scope the call can take, nearest first, each with the call that passes it.</summary>
    private static IEnumerable<(ExpressionSyntax Token, InvocationExpressionSyntax FixedInvocation)> TokenChoices(
        SemanticModel semanticModel, InvocationExpressionSyntax invocation, CancellationToken cancellationToken)
    {
        if (semanticModel.GetSymbolInfo(invocation, cancellationToken).Symbol is not IMethodSymbol original)
        {
            yield break;
        }

        var choices = 0;
        foreach (var token in TokensInScope.At(semanticModel, invocation.SpanStart))
        {
            if (choices == MaximumChoices)
            {
                yield break;
            }

            if (TokenArgument.Added(semanticModel, invocation, original, token) is { } fixedInvocation)
            {
                choices++;
                yield return (token, fixedInvocation);
            }
        }
    }

    private static Task<Document?> FixAllInDocumentAsync(FixAllContext context, Document document, ImmutableArray<Diagnostic> diagnostics)
        => FixAllInDocumentAsync(document, diagnostics, context.CodeActionEquivalenceKey, context.CancellationToken)!;

    /// <summary>
    /// Applies the fix named by <paramref name="equivalenceKey"/> to each reported call that offers it; with no key,
    /// each call's first fix (a token in scope, else a timeout source).
    /// </summary>
    private static async Task<Document> FixAllInDocumentAsync(Document document, ImmutableArray<Diagnostic> diagnostics, string? equivalenceKey, CancellationToken cancellationToken)
    {
        var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
        var root = editor.OriginalRoot;
        var semanticModel = editor.SemanticModel;
        var fields = new Dictionary<SyntaxNode, WaitTimeoutField>();
        var names = new Dictionary<SyntaxNode, HashSet<string>>();
        var expressionBodies = new HashSet<SyntaxNode>();
        var declaredSources = new List<(SyntaxNode Block, int After, string Name)>();
        var timeout = DefaultTimeout.For(document, root.SyntaxTree);
        foreach (var diagnostic in diagnostics.OrderBy(diagnostic => diagnostic.Location.SourceSpan.Start))
        {
            if (ReportedCall(root, diagnostic.Location.SourceSpan) is not { } invocation)
            {
                continue;
            }

            if (equivalenceKey != TimeoutSourceKey
                && TokenChoices(semanticModel, invocation, cancellationToken)
                    .FirstOrDefault(choice => equivalenceKey is null || equivalenceKey == PassTokenKey + choice.Token) is { FixedInvocation: { } fixedInvocation })
            {
                editor.ReplaceNode(invocation, fixedInvocation);
                continue;
            }

            if (equivalenceKey is not (null or TimeoutSourceKey)
                || !OffersTimeoutSource(diagnostic)
                || TimeoutTokenSource.For(semanticModel, invocation, cancellationToken) is not { } source
                || (source.Anchor is not StatementSyntax && !expressionBodies.Add(source.Anchor)))
            {
                continue;
            }

            // One WaitTimeout field per type, as the wait fix declares it; outside a type the value is written inline.
            var type = (SyntaxNode?)invocation.FirstAncestorOrSelf<TypeDeclarationSyntax>();
            if (type is null || !fields.TryGetValue(type, out var field))
            {
                field = WaitTimeoutField.For(invocation, semanticModel, timeout);
                if (type is not null)
                {
                    fields.Add(type, field);
                }
            }

            // A source declared earlier in this block (or a block around it) is in scope, as it would be for a
            // fix applied alone: the call takes its token, as the first fix offered would pass it.
            var shared = declaredSources.FirstOrDefault(declared => declared.After <= invocation.SpanStart && declared.Block.Span.Contains(invocation.Span));
            if (shared.Name is not null)
            {
                source.PassExisting(editor, shared.Name);
                continue;
            }

            if (!names.TryGetValue(source.Member, out var taken))
            {
                taken = new HashSet<string>(System.StringComparer.Ordinal);
                names.Add(source.Member, taken);
            }

            var name = source.ChooseName(semanticModel, taken);
            source.Apply(editor, name, field.Reference);
            if (source.Anchor is StatementSyntax { Parent: { } block })
            {
                declaredSources.Add((block, source.Anchor.SpanStart, name));
            }
        }

        foreach (var field in fields.Values)
        {
            field.DeclareIn(editor);
        }

        return editor.GetChangedDocument();
    }
}
