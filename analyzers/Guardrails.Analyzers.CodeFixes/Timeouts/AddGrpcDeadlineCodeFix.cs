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
using Microsoft.CodeAnalysis.Operations;

namespace Guardrails.Analyzers.CodeFixes.Timeouts;

/// <summary>
/// GR2004: gives the gRPC call <c>deadline: DateTime.UtcNow.Add(TimeSpan.FromSeconds(30))</c>, replacing an
/// explicit <c>deadline: null</c>; for an inline <c>new CallOptions(...)</c> the deadline goes there.
/// gRPC deadlines are absolute UTC times, and the server sees the same deadline.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AddGrpcDeadlineCodeFix))]
[Shared]
public sealed class AddGrpcDeadlineCodeFix : CodeFixProvider
{
    private const string DeadlineParameter = "deadline";

    public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(RuleIdentifiers.GrpcCallWithoutDeadline);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root?.FindNode(context.Span, getInnermostNodeForTie: true).FirstAncestorOrSelf<InvocationExpressionSyntax>() is not { } call)
        {
            return;
        }

        var target = (SyntaxNode?)InlineCallOptions(call) ?? call;
        var arguments = target is ObjectCreationExpressionSyntax creation ? creation.ArgumentList : call.ArgumentList;
        var semanticModel = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (arguments is null || semanticModel is null)
        {
            return;
        }

        var explicitDeadline = ExplicitDeadline(semanticModel.GetOperation(target, context.CancellationToken));
        context.RegisterCodeFix(
            CodeAction.Create(
                "Add a deadline to the gRPC call",
                cancellationToken => AddDeadlineAsync(context.Document, root, semanticModel, arguments, explicitDeadline, cancellationToken),
                equivalenceKey: nameof(AddGrpcDeadlineCodeFix)),
            context.Diagnostics);
    }

    private static ObjectCreationExpressionSyntax? InlineCallOptions(InvocationExpressionSyntax call)
        => call.ArgumentList.Arguments
            .Select(argument => argument.Expression)
            .OfType<ObjectCreationExpressionSyntax>()
            .FirstOrDefault(creation => creation.Type is IdentifierNameSyntax { Identifier.ValueText: "CallOptions" }
                or QualifiedNameSyntax { Right.Identifier.ValueText: "CallOptions" });

    /// <summary>The argument written for the deadline, named or by position, if any.</summary>
    private static ArgumentSyntax? ExplicitDeadline(IOperation? call)
    {
        var arguments = call switch
        {
            IInvocationOperation invocation => invocation.Arguments,
            IObjectCreationOperation creation => creation.Arguments,
            _ => ImmutableArray<IArgumentOperation>.Empty,
        };
        return arguments
            .Where(argument => argument.ArgumentKind == ArgumentKind.Explicit && argument.Parameter?.Name == DeadlineParameter)
            .Select(argument => argument.Syntax)
            .OfType<ArgumentSyntax>()
            .FirstOrDefault();
    }

    private static Task<Document> AddDeadlineAsync(Document document, SyntaxNode root, SemanticModel semanticModel, ArgumentListSyntax arguments, ArgumentSyntax? explicitDeadline, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var position = arguments.SpanStart;
        var timeout = DefaultTimeout.Expression(DefaultTimeout.For(document, arguments.SyntaxTree), semanticModel, position);
        var utcNow = SyntaxFactory.MemberAccessExpression(
            SyntaxKind.SimpleMemberAccessExpression,
            SystemTypeName.At(semanticModel, position, nameof(System.DateTime)),
            SyntaxFactory.IdentifierName(nameof(System.DateTime.UtcNow)));
        var deadline = SyntaxFactory.InvocationExpression(
            SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, utcNow, SyntaxFactory.IdentifierName(nameof(System.DateTime.Add))),
            SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(timeout))));

        var fixedArguments = explicitDeadline is not null
            ? arguments.ReplaceNode(explicitDeadline, explicitDeadline.WithExpression(deadline))
            : arguments.AddArguments(SyntaxFactory.Argument(
                SyntaxFactory.NameColon(DeadlineParameter), default, deadline));

        return Task.FromResult(document.WithSyntaxRoot(root.ReplaceNode(arguments, fixedArguments)));
    }
}
