using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Guardrails.Analyzers.Retries;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;

namespace Guardrails.Analyzers.CodeFixes.Retries;

/// <summary>
/// Replaces retry loops of one document by Polly pipelines, one loop at a time from the bottom up, reading the
/// document afresh after each so names chosen later see the ones chosen before. With
/// <c>guardrails.retry.code_fix_pipeline = static_field</c> the pipeline becomes a <c>static readonly</c> field
/// of the type, shared by every loop of that type with the same settings.
/// </summary>
internal static class RetryLoopRewriter
{
    public static RetryPipelinePlan? Plan(SyntaxNode root, SemanticModel model, int loopPosition, CancellationToken cancellationToken)
    {
        if (model.Compilation.GetTypeByMetadataName("Polly.ResiliencePipelineBuilder") is null ||
            model.Compilation.GetTypeByMetadataName("Polly.Retry.RetryStrategyOptions") is null ||
            RetryWellKnownTypes.TryCreate(model.Compilation) is not { } types ||
            root.FindToken(loopPosition).Parent is not StatementSyntax loopSyntax ||
            model.GetOperation(loopSyntax, cancellationToken) is not ILoopOperation loop ||
            RetryLoopDetector.Detect(loop, types) is not { } match)
        {
            return null;
        }

        return CanonicalRetryLoop.TryRead(match, model);
    }

    /// <summary>The document with every loop at <paramref name="loopPositions"/> that can be rewritten rewritten; null when none could.</summary>
    public static async Task<Document?> RewriteAsync(Document document, IEnumerable<int> loopPositions, CancellationToken cancellationToken)
    {
        // Top down, as a person fixing one after another would: names chosen later see the ones chosen before.
        var pending = loopPositions.Distinct().OrderBy(position => position).ToList();
        int? lastFixed = null;
        for (var index = 0; index < pending.Count; index++)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            if (pending[index] < 0 || root is null || model is null || Plan(root, model, pending[index], cancellationToken) is not { } plan)
            {
                continue;
            }

            var text = await document.GetTextAsync(cancellationToken).ConfigureAwait(false);
            var changes = Changes(document, text, plan, model, cancellationToken);
            document = document.WithText(text.WithChanges(changes));
            for (var later = index + 1; later < pending.Count; later++)
            {
                pending[later] = Shifted(pending[later], changes);
            }

            lastFixed = Shifted(changes[0].Span.Start, changes);
        }

        return lastFixed is { } position ? await AddMissingUsingsAsync(document, position, cancellationToken).ConfigureAwait(false) : null;
    }

    private static List<TextChange> Changes(Document document, SourceText text, RetryPipelinePlan plan, SemanticModel model, CancellationToken cancellationToken)
    {
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
        var tokenName = UnusedName(model, loop.SpanStart, "token");
        plan = TokenForwarding.Apply(plan, model, tokenName, cancellationToken);

        var changes = new List<TextChange>();
        var pipelineName = UnusedName(model, loop.SpanStart, "pipeline");
        var declareLocal = true;
        if (plan.SettingsAreStatic && WantsStaticField(document, loop.SyntaxTree) && loop.Ancestors().OfType<MemberDeclarationSyntax>().FirstOrDefault(member => member.Parent is TypeDeclarationSyntax) is { } member)
        {
            var memberIndentation = PollyPipelineText.LeadingWhitespace(text.Lines.GetLineFromPosition(member.SpanStart).ToString());
            var builder = PollyPipelineText.Builder(plan, memberIndentation, indentUnit);
            declareLocal = false;
            if (SharedField(model, member, builder, cancellationToken) is { } existing)
            {
                pipelineName = existing;
            }
            else
            {
                pipelineName = UnusedName(model, loop.SpanStart, "RetryPipeline");
                changes.Add(new TextChange(new TextSpan(text.Lines.GetLineFromPosition(member.SpanStart).Start, 0), PollyPipelineText.Field(plan, memberIndentation, indentUnit, pipelineName)));
            }
        }

        var replacement = PollyPipelineText.Write(plan, indentation, indentUnit, pipelineName, tokenName, declareLocal);
        var last = (SyntaxNode?)plan.ThrowWhenExhausted ?? (SyntaxNode?)plan.UnreachableAfterLoop ?? loop;
        changes.Add(new TextChange(WholeLines(text, TextSpan.FromBounds(loop.SpanStart, last.Span.End)), replacement));
        foreach (var declaration in plan.DeclarationsToRemove)
        {
            changes.Add(new TextChange(WholeLines(text, declaration.Span), string.Empty));
        }

        return changes.OrderBy(change => change.Span.Start).ToList();
    }

    private static bool WantsStaticField(Document document, SyntaxTree tree) =>
        document.Project.AnalyzerOptions.AnalyzerConfigOptionsProvider.GetOptions(tree).TryGetValue(RetryOptions.CodeFixPipelineKey, out var value) &&
        string.Equals(value.Trim(), RetryOptions.CodeFixPipelineStaticField, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// A static readonly pipeline field of the same type, in any of its parts, built exactly as this one would be:
    /// reused, not declared again.
    /// </summary>
    private static string? SharedField(SemanticModel model, MemberDeclarationSyntax member, string builder, CancellationToken cancellationToken)
    {
        var wanted = WithoutWhitespace(builder);
        return member.Parent is TypeDeclarationSyntax type && model.GetDeclaredSymbol(type, cancellationToken) is { } typeSymbol
            ? typeSymbol.GetMembers()
                .OfType<IFieldSymbol>()
                .Where(field => field is { IsStatic: true, IsReadOnly: true, Type.Name: "ResiliencePipeline" })
                .FirstOrDefault(field => field.DeclaringSyntaxReferences.Any(reference =>
                    reference.GetSyntax(cancellationToken) is VariableDeclaratorSyntax { Initializer: { } initializer } &&
                    WithoutWhitespace(initializer.Value.ToString()) == wanted))
                ?.Name
            : null;
    }

    private static string WithoutWhitespace(string text) => new(text.Where(character => !char.IsWhiteSpace(character)).ToArray());

    /// <summary>
    /// Where a position ends up once <paramref name="changes"/> are applied; -1 when a change swallowed it (a retry
    /// loop nested in one just rewritten moved into the pipeline's lambda and is left for another pass).
    /// </summary>
    private static int Shifted(int position, IEnumerable<TextChange> changes)
    {
        var shifted = position;
        foreach (var change in changes)
        {
            if (position < 0 || (change.Span.Start < position && position < change.Span.End))
            {
                return -1;
            }

            if (change.Span.End <= position)
            {
                shifted += change.NewText!.Length - change.Span.Length;
            }
        }

        return shifted;
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

    private static async Task<Document> AddMissingUsingsAsync(Document document, int position, CancellationToken cancellationToken)
    {
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (model is null || await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false) is not CompilationUnitSyntax root)
        {
            return document;
        }

        var required = new (string Namespace, string ProbeType)[]
        {
            ("System", "TimeSpan"),
            ("Polly", "ResiliencePipelineBuilder"),
            ("Polly.Retry", "RetryStrategyOptions"),
        };
        // Only names the document now uses: a loop that reuses a pipeline field of another part of its type writes none.
        var used = new HashSet<string>(
            root.DescendantTokens().Where(token => token.IsKind(SyntaxKind.IdentifierToken)).Select(token => token.ValueText),
            StringComparer.Ordinal);
        var missing = required
            .Where(pair => used.Contains(pair.ProbeType) && model.LookupNamespacesAndTypes(Math.Min(position, root.FullSpan.End), name: pair.ProbeType).IsEmpty)
            .Select(pair => pair.Namespace)
            .ToArray();
        if (missing.Length == 0)
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
