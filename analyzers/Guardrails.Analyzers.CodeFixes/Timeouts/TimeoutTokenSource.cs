using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Formatting;

namespace Guardrails.Analyzers.CodeFixes.Timeouts;

/// <summary>
/// Bounds a call when no token is in scope: declares <c>using var timeout = new CancellationTokenSource(WaitTimeout);</c>
/// just before the statement that makes the call and passes <c>timeout.Token</c> to it. An expression-bodied method,
/// local function or lambda gets a block body to hold the declaration.
/// Planned only where the call finishes before the source is disposed (it is awaited there, or it is synchronous):
/// a task returned or stored would outlive the source, whose timer dies with it, and never be cancelled.
/// </summary>
internal sealed class TimeoutTokenSource
{
    private const string PreferredName = "timeout";

    private readonly InvocationExpressionSyntax invocation;
    private readonly InvocationExpressionSyntax withPlaceholder;
    private readonly SyntaxNode anchor;
    private readonly bool returnsValue;

    private TimeoutTokenSource(InvocationExpressionSyntax invocation, InvocationExpressionSyntax withPlaceholder, SyntaxNode anchor, bool returnsValue)
    {
        this.invocation = invocation;
        this.withPlaceholder = withPlaceholder;
        this.anchor = anchor;
        this.returnsValue = returnsValue;
    }

    /// <summary>The statement the declaration goes before, or the function whose expression body becomes a block.</summary>
    public SyntaxNode Anchor => anchor;

    /// <summary>The member whose locals the new name must not collide with.</summary>
    public SyntaxNode Member => anchor.FirstAncestorOrSelf<MemberDeclarationSyntax>() ?? anchor;

    public static TimeoutTokenSource? For(SemanticModel semanticModel, InvocationExpressionSyntax invocation, CancellationToken cancellationToken)
    {
        if (semanticModel.GetSymbolInfo(invocation, cancellationToken).Symbol is not IMethodSymbol original
            || AnchorOf(invocation) is not { } anchor)
        {
            return null;
        }

        var placeholder = SyntaxFactory.ParseExpression("default(global::System.Threading.CancellationToken)");
        var withPlaceholder = TokenArgument.Bound(semanticModel, invocation, original, placeholder, Placeholder, out var withToken);
        if (withPlaceholder is null || withToken is null || !(IsAwaited(invocation) || !IsAwaitable(withToken.ReturnType)))
        {
            return null;
        }

        if (anchor is StatementSyntax)
        {
            return new TimeoutTokenSource(invocation, withPlaceholder, anchor, returnsValue: false);
        }

        var function = anchor is AnonymousFunctionExpressionSyntax lambda
            ? semanticModel.GetSymbolInfo(lambda, cancellationToken).Symbol
            : semanticModel.GetDeclaredSymbol(anchor, cancellationToken);
        return function is IMethodSymbol method
            ? new TimeoutTokenSource(invocation, withPlaceholder, anchor, ReturnsValue(method))
            : null;
    }

    /// <summary>A name for the source that nothing in the member or in scope uses, nor an earlier fix in <paramref name="taken"/>.</summary>
    public string ChooseName(SemanticModel semanticModel, ISet<string> taken)
    {
        var used = new HashSet<string>(
            Member.DescendantTokens().Where(token => token.IsKind(SyntaxKind.IdentifierToken)).Select(token => token.ValueText),
            System.StringComparer.Ordinal);
        for (var number = 1; ; number++)
        {
            var name = number == 1 ? PreferredName : PreferredName + number.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (!taken.Contains(name) && !used.Contains(name) && semanticModel.LookupSymbols(invocation.SpanStart, name: name).IsEmpty)
            {
                taken.Add(name);
                return name;
            }
        }
    }

    /// <summary>Passes the token of a source an earlier fix declared in scope.</summary>
    public void PassExisting(DocumentEditor editor, string name)
        => editor.ReplaceNode(invocation, WithToken(name));

    /// <summary>Declares the source named <paramref name="name"/> and passes its token to the call.</summary>
    public void Apply(DocumentEditor editor, string name, ExpressionSyntax timeout)
    {
        var fixedCall = WithToken(name);
        var sourceType = SystemTypeName.Text(editor.SemanticModel, invocation.SpanStart, "System.Threading", "CancellationTokenSource");
        var endOfLine = EndOfLineOf(anchor);
        var declaration = SyntaxFactory.ParseStatement("using var " + name + " = new " + sourceType + "(" + timeout.ToFullString() + ");")
            .WithTrailingTrivia(endOfLine);
        if (anchor is StatementSyntax statement)
        {
            editor.ReplaceNode(invocation, fixedCall);
            editor.InsertBefore(statement, declaration.WithLeadingTrivia(IndentationOf(statement)));
            return;
        }

        // Written on lines of their own: the formatter keeps a block it finds on one line as it is.
        editor.ReplaceNode(anchor, (current, _) =>
        {
            var body = ExpressionBodyOf(current)!;
            var expression = body.ReplaceNode(body.DescendantNodesAndSelf().OfType<InvocationExpressionSyntax>().First(node => node.IsEquivalentTo(invocation)), fixedCall);
            var call = returnsValue
                ? (StatementSyntax)SyntaxFactory.ReturnStatement(expression.WithoutTrivia())
                : SyntaxFactory.ExpressionStatement(expression.WithoutTrivia());
            var block = SyntaxFactory.Block(declaration, call.WithTrailingTrivia(endOfLine))
                .WithOpenBraceToken(SyntaxFactory.Token(SyntaxKind.OpenBraceToken).WithTrailingTrivia(endOfLine));
            return WithBlockBody(current, block).WithAdditionalAnnotations(Formatter.Annotation);
        });
    }

    private InvocationExpressionSyntax WithToken(string sourceName)
        => withPlaceholder.ReplaceNode(
            withPlaceholder.GetAnnotatedNodes(PlaceholderMarker).First(),
            SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, SyntaxFactory.IdentifierName(sourceName), SyntaxFactory.IdentifierName("Token")));

    private static readonly SyntaxAnnotation PlaceholderMarker = new(nameof(TimeoutTokenSource));

    /// <summary>Stands where the token goes until the source's name is chosen.</summary>
    private static ExpressionSyntax Placeholder => SyntaxFactory.IdentifierName(PreferredName).WithAdditionalAnnotations(PlaceholderMarker);

    /// <summary>
    /// The statement of a block that makes the call (an expression statement, a return or a local declaration), or the method, local function or lambda whose expression body
    /// does; nothing when the nearest of these is of another kind (an embedded statement, a property's body).
    /// </summary>
    private static SyntaxNode? AnchorOf(InvocationExpressionSyntax invocation)
    {
        for (SyntaxNode? node = invocation.Parent; node is not null; node = node.Parent)
        {
            switch (node)
            {
                // A call in a loop's condition or an if's test would share one budget across iterations or branches.
                case ExpressionStatementSyntax or ReturnStatementSyntax or LocalDeclarationStatementSyntax:
                    return node.Parent is BlockSyntax ? node : null;
                case StatementSyntax:
                    return null;
                case AnonymousFunctionExpressionSyntax lambda:
                    return lambda.ExpressionBody is not null ? lambda : null;
                case ArrowExpressionClauseSyntax { Parent: MethodDeclarationSyntax or LocalFunctionStatementSyntax } arrow:
                    return arrow.Parent;
                case ArrowExpressionClauseSyntax or MemberDeclarationSyntax:
                    return null;
            }
        }

        return null;
    }

    private static ExpressionSyntax? ExpressionBodyOf(SyntaxNode function) => function switch
    {
        AnonymousFunctionExpressionSyntax lambda => lambda.ExpressionBody,
        MethodDeclarationSyntax method => method.ExpressionBody?.Expression,
        LocalFunctionStatementSyntax localFunction => localFunction.ExpressionBody?.Expression,
        _ => null,
    };

    /// <summary>The function with a block body in place of its expression body.</summary>
    private static SyntaxNode WithBlockBody(SyntaxNode function, BlockSyntax block) => function switch
    {
        AnonymousFunctionExpressionSyntax lambda => lambda.WithExpressionBody(null).WithBlock(block),
        MethodDeclarationSyntax method => method.WithExpressionBody(null).WithSemicolonToken(default).WithBody(block)
            .WithTrailingTrivia(method.SemicolonToken.TrailingTrivia),
        LocalFunctionStatementSyntax localFunction => localFunction.WithExpressionBody(null).WithSemicolonToken(default).WithBody(block)
            .WithTrailingTrivia(localFunction.SemicolonToken.TrailingTrivia),
        _ => function,
    };

    /// <summary><c>await call</c> or <c>await call.ConfigureAwait(...)</c>: the call finishes before the next statement.</summary>
    private static bool IsAwaited(InvocationExpressionSyntax invocation) => invocation.Parent switch
    {
        AwaitExpressionSyntax => true,
        MemberAccessExpressionSyntax { Name.Identifier.ValueText: "ConfigureAwait", Parent: InvocationExpressionSyntax { Parent: AwaitExpressionSyntax } } => true,
        _ => false,
    };

    private static bool IsAwaitable(ITypeSymbol type)
        => !type.GetMembers("GetAwaiter").IsEmpty || type.Name is "IAsyncEnumerable" or "IAsyncResult";

    /// <summary>A block body returns the expression unless the function is void or an async one returning a bare task.</summary>
    private static bool ReturnsValue(IMethodSymbol function)
        => !(function.ReturnsVoid
            || (function.IsAsync && function.ReturnType is INamedTypeSymbol { Name: "Task" or "ValueTask", IsGenericType: false }));

    private static SyntaxTriviaList IndentationOf(StatementSyntax statement)
    {
        var leading = statement.GetLeadingTrivia();
        return leading.Count > 0 && leading[leading.Count - 1].IsKind(SyntaxKind.WhitespaceTrivia)
            ? SyntaxFactory.TriviaList(leading[leading.Count - 1])
            : SyntaxFactory.TriviaList(SyntaxFactory.ElasticMarker);
    }

    /// <summary>The file's own line ending, found after the node or anywhere in its file.</summary>
    private static SyntaxTrivia EndOfLineOf(SyntaxNode node)
    {
        foreach (var trivia in node.SyntaxTree.GetRoot().DescendantTrivia())
        {
            if (trivia.IsKind(SyntaxKind.EndOfLineTrivia))
            {
                return trivia;
            }
        }

        return SyntaxFactory.ElasticCarriageReturnLineFeed;
    }
}
