using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Formatting;

namespace Guardrails.Analyzers.CodeFixes.Timeouts;

/// <summary>
/// GR2001: turns <c>signal.WaitOne();</c> into
/// <c>if (!signal.WaitOne(WaitTimeout)) { throw new TimeoutException(...); }</c>. A timed wait returns
/// <c>false</c> when time runs out; throwing keeps the code after it from running as if the wait succeeded
/// (a semaphore released that was never acquired, a thread's work read before it finished).
/// Offered only where the call is a statement of its own and a timed overload returning <c>bool</c> exists.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AddWaitTimeoutCodeFix))]
[Shared]
public sealed class AddWaitTimeoutCodeFix : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(RuleIdentifiers.UnboundedWait);

    /// <summary>
    /// The batch fixer would merge one document per wait, each adding the shared <c>WaitTimeout</c> field: this one
    /// fixes every wait of a document in one edit and adds the field once per type.
    /// </summary>
    public override FixAllProvider GetFixAllProvider() => FixAllProvider.Create(FixAllInDocumentAsync);

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var semanticModel = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || semanticModel is null || FixableWait(root, context.Span, semanticModel) is not var (invocation, statement))
        {
            return;
        }

        context.RegisterCodeFix(
            CodeAction.Create(
                "Wait with a timeout and throw TimeoutException when it runs out",
                cancellationToken => AddTimeoutAsync(context.Document, invocation, statement, cancellationToken),
                equivalenceKey: nameof(AddWaitTimeoutCodeFix)),
            context.Diagnostics);
    }

    /// <summary>The reported call and its statement, when a timed overload returning success exists for it.</summary>
    private static (InvocationExpressionSyntax Invocation, ExpressionStatementSyntax Statement)? FixableWait(SyntaxNode root, Microsoft.CodeAnalysis.Text.TextSpan span, SemanticModel semanticModel)
    {
        if (root.FindNode(span, getInnermostNodeForTie: true).FirstAncestorOrSelf<InvocationExpressionSyntax>() is not { } invocation
            || StatementOf(invocation) is not { } statement)
        {
            return null;
        }

        var placeholder = invocation.AddArgumentListArguments(SyntaxFactory.Argument(DefaultTimeout.Expression(System.TimeSpan.FromSeconds(1), semanticModel, invocation.SpanStart)));
        var speculative = semanticModel.GetSpeculativeSymbolInfo(invocation.SpanStart, placeholder, SpeculativeBindingOption.BindAsExpression);
        return speculative.Symbol is IMethodSymbol { ReturnType: var returnType } && ReturnsSuccess(returnType)
            ? (invocation, statement)
            : null;
    }

    private static async Task<Document?> FixAllInDocumentAsync(FixAllContext context, Document document, ImmutableArray<Diagnostic> diagnostics)
    {
        var editor = await DocumentEditor.CreateAsync(document, context.CancellationToken).ConfigureAwait(false);
        var root = editor.OriginalRoot;
        var timeout = DefaultTimeout.For(document, root.SyntaxTree);
        var fields = new System.Collections.Generic.Dictionary<SyntaxNode, WaitTimeoutField>();
        foreach (var diagnostic in diagnostics)
        {
            if (FixableWait(root, diagnostic.Location.SourceSpan, editor.SemanticModel) is not var (invocation, statement))
            {
                continue;
            }

            // One field per type: the first wait of a type decides it, the others refer to it. Outside a type
            // (top-level statements) the value is written inline and nothing is declared.
            var type = (SyntaxNode?)invocation.FirstAncestorOrSelf<TypeDeclarationSyntax>();
            if (type is null || !fields.TryGetValue(type, out var field))
            {
                field = WaitTimeoutField.For(invocation, editor.SemanticModel, timeout);
                if (type is not null)
                {
                    fields.Add(type, field);
                }
            }

            ReplaceWithTimedWait(editor, invocation, statement, field);
        }

        foreach (var field in fields.Values)
        {
            field.DeclareIn(editor);
        }

        return editor.GetChangedDocument();
    }

    /// <summary>
    /// The statement the call is: alone, awaited, or awaited through <c>.ConfigureAwait(...)</c>. A call whose
    /// result is used keeps its shape.
    /// </summary>
    private static ExpressionStatementSyntax? StatementOf(InvocationExpressionSyntax invocation) => invocation.Parent switch
    {
        ExpressionStatementSyntax statement => statement,
        AwaitExpressionSyntax { Parent: ExpressionStatementSyntax statement } => statement,
        MemberAccessExpressionSyntax { Name.Identifier.ValueText: "ConfigureAwait", Parent: InvocationExpressionSyntax { Parent: AwaitExpressionSyntax { Parent: ExpressionStatementSyntax statement } } } => statement,
        _ => null,
    };

    private static bool ReturnsSuccess(ITypeSymbol returnType)
        => returnType.SpecialType == SpecialType.System_Boolean
            || (returnType is INamedTypeSymbol { Name: "Task", TypeArguments: { Length: 1 } arguments }
                && arguments[0].SpecialType == SpecialType.System_Boolean);

    private static async Task<Document> AddTimeoutAsync(Document document, InvocationExpressionSyntax invocation, ExpressionStatementSyntax statement, CancellationToken cancellationToken)
    {
        var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
        var timeoutField = WaitTimeoutField.For(invocation, editor.SemanticModel, DefaultTimeout.For(document, invocation.SyntaxTree));
        ReplaceWithTimedWait(editor, invocation, statement, timeoutField);
        timeoutField.DeclareIn(editor);
        return editor.GetChangedDocument();
    }

    private static void ReplaceWithTimedWait(DocumentEditor editor, InvocationExpressionSyntax invocation, ExpressionStatementSyntax statement, WaitTimeoutField timeoutField)
    {
        // Replacing the call inside the statement's expression keeps an await and a ConfigureAwait around it.
        var timedCall = invocation.AddArgumentListArguments(SyntaxFactory.Argument(timeoutField.Reference));
        var timedWait = statement.Expression.ReplaceNode(invocation, timedCall);

        var what = invocation.Expression is MemberAccessExpressionSyntax memberAccess
            ? memberAccess.Expression.ToString() + "." + memberAccess.Name.Identifier.ValueText
            : invocation.Expression.ToString();
        var throwTimeout = SyntaxFactory.ParseStatement(
            "throw new global::System.TimeoutException(" + SyntaxFactory.Literal(what + " did not finish in time.").ToFullString() + ");");
        var guarded = SyntaxFactory.IfStatement(
                SyntaxFactory.PrefixUnaryExpression(SyntaxKind.LogicalNotExpression, timedWait.WithoutTrivia()),
                SyntaxFactory.Block(throwTimeout))
            .WithTriviaFrom(statement)
            .WithAdditionalAnnotations(Formatter.Annotation, Microsoft.CodeAnalysis.Simplification.Simplifier.Annotation);

        editor.ReplaceNode(statement, guarded);
    }
}
