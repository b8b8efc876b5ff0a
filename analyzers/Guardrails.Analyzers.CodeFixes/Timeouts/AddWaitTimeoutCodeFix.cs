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

    /// <summary>Each fix may add the shared <c>WaitTimeout</c> field; a batch would add it once per wait.</summary>
    public override FixAllProvider? GetFixAllProvider() => null;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var semanticModel = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root?.FindNode(context.Span, getInnermostNodeForTie: true).FirstAncestorOrSelf<InvocationExpressionSyntax>() is not { } invocation
            || semanticModel is null
            || StatementOf(invocation) is not { } statement)
        {
            return;
        }

        var placeholder = invocation.AddArgumentListArguments(SyntaxFactory.Argument(DefaultTimeout.Expression(System.TimeSpan.FromSeconds(1), semanticModel, invocation.SpanStart)));
        var speculative = semanticModel.GetSpeculativeSymbolInfo(invocation.SpanStart, placeholder, SpeculativeBindingOption.BindAsExpression);
        if (speculative.Symbol is not IMethodSymbol { ReturnType: var returnType } || !ReturnsSuccess(returnType))
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
        var timeout = DefaultTimeout.For(document, invocation.SyntaxTree);
        var timeoutField = WaitTimeoutField.For(invocation, editor.SemanticModel, timeout);

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
        timeoutField.DeclareIn(editor);
        return editor.GetChangedDocument();
    }
}
