using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Guardrails.Analyzers.Retries;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;

namespace Guardrails.Analyzers.CodeFixes.Retries;

/// <summary>
/// GR1001/GR1002: rewrites a canonical retry loop into a Polly v8 <c>ResiliencePipeline</c> with the same attempts,
/// delay, backoff, handled exceptions and cancellation token. Offered only where Polly.Core is referenced and
/// the loop's behaviour can be kept.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RetryLoopToPollyCodeFixProvider)), Shared]
public sealed class RetryLoopToPollyCodeFixProvider : CodeFixProvider
{
    private const string Title = "Use a Polly retry pipeline";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } =
        ImmutableArray.Create(RuleIdentifiers.RetryLoopOnException, RuleIdentifiers.TightRetryLoop);

    // Each fix declares a pipeline variable; fixing several loops of one method at once would clash, so no Fix All.
    public override FixAllProvider? GetFixAllProvider() => null;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || model is null ||
            model.Compilation.GetTypeByMetadataName("Polly.ResiliencePipelineBuilder") is null ||
            model.Compilation.GetTypeByMetadataName("Polly.Retry.RetryStrategyOptions") is null ||
            RetryWellKnownTypes.TryCreate(model.Compilation) is not { } types)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            var loopSyntax = root.FindToken(diagnostic.Location.SourceSpan.Start).Parent as StatementSyntax;
            if (loopSyntax is null ||
                model.GetOperation(loopSyntax, context.CancellationToken) is not ILoopOperation loop ||
                RetryLoopDetector.Detect(loop, types) is not { } match ||
                CanonicalRetryLoop.TryRead(match, model) is not { } plan)
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create(Title, cancellationToken => RewriteAsync(context.Document, plan, model, cancellationToken), equivalenceKey: Title),
                diagnostic);
        }
    }

    private static async Task<Document> RewriteAsync(Document document, RetryPipelinePlan plan, SemanticModel model, CancellationToken cancellationToken)
    {
        var text = await document.GetTextAsync(cancellationToken).ConfigureAwait(false);
        var loop = plan.Loop;
        var indentation = PollyPipelineText.LeadingWhitespace(text.Lines.GetLineFromPosition(loop.SpanStart).ToString());
        var loopBody = loop switch
        {
            ForStatementSyntax forStatement => forStatement.Statement,
            WhileStatementSyntax whileStatement => whileStatement.Statement,
            _ => loop,
        };
        var tryStatement = loopBody is BlockSyntax { Statements.Count: 1 } body ? body.Statements[0] : loopBody;
        var tryIndentation = PollyPipelineText.LeadingWhitespace(text.Lines.GetLineFromPosition(tryStatement.SpanStart).ToString());
        var indentUnit = tryIndentation.Length > indentation.Length ? tryIndentation.Substring(indentation.Length) : "    ";
        var replacement = PollyPipelineText.Write(
            plan,
            indentation,
            indentUnit,
            UnusedName(model, loop.SpanStart, "pipeline"),
            UnusedName(model, loop.SpanStart, "token"));

        var last = (SyntaxNode?)plan.ThrowWhenExhausted ?? (SyntaxNode?)plan.UnreachableAfterLoop ?? loop;
        var changes = new List<TextChange> { new(WholeLines(text, TextSpan.FromBounds(loop.SpanStart, last.Span.End)), replacement) };
        foreach (var declaration in plan.DeclarationsToRemove)
        {
            changes.Add(new TextChange(WholeLines(text, declaration.Span), string.Empty));
        }

        var rewritten = document.WithText(text.WithChanges(changes));
        return await AddMissingUsingsAsync(rewritten, model, loop.SpanStart, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>From the start of the first line to just after the line break of the last: whole statements, no stray blanks.</summary>
    private static TextSpan WholeLines(SourceText text, TextSpan span)
    {
        var firstLine = text.Lines.GetLineFromPosition(span.Start);
        var lastLine = text.Lines.GetLineFromPosition(span.End);
        return TextSpan.FromBounds(firstLine.Start, lastLine.EndIncludingLineBreak);
    }

    private static string UnusedName(SemanticModel model, int position, string preferred)
    {
        var candidate = preferred;
        for (var suffix = 2; model.LookupSymbols(position, name: candidate).Length > 0; suffix++)
        {
            candidate = preferred + suffix.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return candidate;
    }

    private static async Task<Document> AddMissingUsingsAsync(Document document, SemanticModel originalModel, int position, CancellationToken cancellationToken)
    {
        var required = new (string Namespace, string ProbeType)[]
        {
            ("System", "TimeSpan"),
            ("Polly", "ResiliencePipelineBuilder"),
            ("Polly.Retry", "RetryStrategyOptions"),
        };
        var missing = required
            .Where(pair => originalModel.LookupNamespacesAndTypes(position, name: pair.ProbeType).IsEmpty)
            .Select(pair => pair.Namespace)
            .ToArray();
        if (missing.Length == 0 || await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false) is not CompilationUnitSyntax root)
        {
            return document;
        }

        var usings = root.Usings;
        foreach (var name in missing)
        {
            var directive = SyntaxFactory.ParseCompilationUnit("using " + name + ";" + Environment.NewLine).Usings[0];
            var index = 0;
            while (index < usings.Count && CompareNamespaces(usings[index].Name?.ToString() ?? string.Empty, name) < 0 && usings[index].Alias is null && usings[index].StaticKeyword.IsKind(SyntaxKind.None))
            {
                index++;
            }

            usings = usings.Insert(index, directive);
        }

        return document.WithSyntaxRoot(root.WithUsings(usings));
    }

    /// <summary>System namespaces first, then ordinal order: the order dotnet_sort_system_directives_first gives.</summary>
    private static int CompareNamespaces(string left, string right)
    {
        var leftIsSystem = left == "System" || left.StartsWith("System.", StringComparison.Ordinal);
        var rightIsSystem = right == "System" || right.StartsWith("System.", StringComparison.Ordinal);
        if (leftIsSystem != rightIsSystem)
        {
            return leftIsSystem ? -1 : 1;
        }

        return string.CompareOrdinal(left, right);
    }
}
