using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace Guardrails.Analyzers.Timeouts;

/// <summary>
/// The tokens of a file whose text contains one of a few words, found by an ordinal search of the file's text.
/// The GR2xxx rules look for shapes that are rare in most code (a call named <c>WaitOne</c>, an argument named
/// <c>Timeout.Infinite</c>): a callback per call or per assignment costs the build more than searching each file
/// once, since the driver's own bookkeeping for each callback outweighs the name test inside it. Words inside
/// comments, disabled code and string literals are skipped: their token does not span them.
/// </summary>
internal static class TokenSearch
{
    /// <summary>Each token at most once, in the order of <paramref name="words"/>.</summary>
    public static IEnumerable<SyntaxToken> Containing(SyntaxTree tree, ImmutableArray<string> words, CancellationToken cancellationToken)
    {
        var text = tree.GetText(cancellationToken).ToString();
        SyntaxNode? root = null;
        HashSet<int>? seen = null;
        foreach (var word in words)
        {
            var at = text.IndexOf(word, StringComparison.Ordinal);
            while (at >= 0)
            {
                root ??= tree.GetRoot(cancellationToken);
                var token = root.FindToken(at);
                var next = at + word.Length;
                if (token.Span.Contains(at))
                {
                    next = Math.Max(next, token.Span.End);
                    if ((seen ??= []).Add(token.SpanStart))
                    {
                        yield return token;
                    }
                }

                at = next < text.Length ? text.IndexOf(word, next, StringComparison.Ordinal) : -1;
            }
        }
    }
}
