using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace Guardrails.Analyzers.CodeFixes.Retries;

/// <summary>
/// Fix All for the retry fix, in a document, a project or the solution: one document after another, each rewritten in
/// one pass by <see cref="RetryLoopRewriter"/> on the solution the documents before it left. A static pipeline field
/// declared for one part of a partial type is then seen, and shared, by the loops of its other parts; documents
/// rewritten side by side, as the built-in Fix All does, would each declare the same field.
/// </summary>
internal sealed class RetryLoopFixAllProvider : FixAllProvider
{
    public static readonly RetryLoopFixAllProvider Instance = new();

    private static readonly ImmutableArray<FixAllScope> Scopes = ImmutableArray.Create(FixAllScope.Document, FixAllScope.Project, FixAllScope.Solution);

    private RetryLoopFixAllProvider()
    {
    }

    public override IEnumerable<FixAllScope> GetSupportedFixAllScopes() => Scopes;

    public override async Task<CodeAction?> GetFixAsync(FixAllContext fixAllContext)
    {
        var documents = fixAllContext.Scope switch
        {
            FixAllScope.Document when fixAllContext.Document is { } document => new[] { document },
            FixAllScope.Project => fixAllContext.Project.Documents.ToArray(),
            FixAllScope.Solution => fixAllContext.Solution.Projects.SelectMany(project => project.Documents).ToArray(),
            _ => Array.Empty<Document>(),
        };

        var work = new List<(DocumentId Document, int[] LoopPositions)>();
        foreach (var document in documents.OrderBy(document => document.FilePath ?? document.Name, StringComparer.Ordinal))
        {
            var diagnostics = await fixAllContext.GetDocumentDiagnosticsAsync(document).ConfigureAwait(false);
            if (!diagnostics.IsEmpty)
            {
                work.Add((document.Id, diagnostics.Select(diagnostic => diagnostic.Location.SourceSpan.Start).ToArray()));
            }
        }

        return work.Count == 0
            ? null
            : CodeAction.Create(
                RetryLoopToPollyCodeFixProvider.Title,
                cancellationToken => RewriteInTurnAsync(fixAllContext.Solution, work, cancellationToken),
                fixAllContext.CodeActionEquivalenceKey);
    }

    private static async Task<Solution> RewriteInTurnAsync(Solution solution, List<(DocumentId Document, int[] LoopPositions)> work, CancellationToken cancellationToken)
    {
        // Each document is still as it was when its diagnostics were reported: only the documents before it changed.
        foreach (var (documentId, loopPositions) in work)
        {
            if (solution.GetDocument(documentId) is { } document &&
                await RetryLoopRewriter.RewriteAsync(document, loopPositions, cancellationToken).ConfigureAwait(false) is { } rewritten)
            {
                solution = rewritten.Project.Solution;
            }
        }

        return solution;
    }
}
