using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis.Text;

namespace Guardrails.Analyzers.Retries;

/// <summary>
/// Looks for a word in the text of a span without walking its syntax: copying characters into a buffer and
/// searching them costs a fraction of visiting every node, so whole method bodies can be ruled out this way, and
/// the few places the word is written can then be looked up in the tree by position.
/// </summary>
internal static class SourceTextSearch
{
    private const int ChunkLength = 4096;

    [ThreadStatic]
    private static char[]? buffer;

    /// <summary>
    /// Where <paramref name="word"/> occurs in the span as a whole word (not inside <c>Initialize</c> when looking
    /// for <c>Init</c>), in order; empty when it never does. The ends of the span and of the chunks it is read in
    /// count as word boundaries, so a position may be a near miss, never a miss: the syntax there decides.
    /// </summary>
    public static IReadOnlyList<int> IndexesOfWord(SourceText text, TextSpan span, string word)
    {
        if (word.Length == 0 || word.Length > span.Length)
        {
            return Array.Empty<int>();
        }

        // No real identifier is longer than half a chunk; one that is gets a buffer of its own.
        var chunk = word.Length > ChunkLength / 2 ? new char[2 * word.Length] : buffer ??= new char[ChunkLength];
        var wanted = word.AsSpan();
        List<int>? positions = null;

        // Chunks overlap by the word's length, so a word across a chunk boundary is still found with its neighbours.
        for (var start = span.Start; start < span.End; start += chunk.Length - word.Length)
        {
            var length = Math.Min(chunk.Length, span.End - start);
            text.CopyTo(start, chunk, 0, length);
            var searched = new ReadOnlySpan<char>(chunk, 0, length);
            for (var offset = 0; offset <= length - word.Length;)
            {
                var found = searched.Slice(offset).IndexOf(wanted);
                if (found < 0)
                {
                    break;
                }

                var at = offset + found;
                var end = at + word.Length;
                // A word at the very end of one chunk is found again at the start of the next.
                if ((at == 0 || !IsIdentifierCharacter(chunk[at - 1])) && (end >= length || !IsIdentifierCharacter(chunk[end])) &&
                    (positions is null || positions[positions.Count - 1] < start + at))
                {
                    (positions ??= []).Add(start + at);
                }

                offset = at + 1;
            }

            if (start + length >= span.End)
            {
                break;
            }
        }

        return positions ?? (IReadOnlyList<int>)Array.Empty<int>();
    }

    private static bool IsIdentifierCharacter(char character) => char.IsLetterOrDigit(character) || character == '_';
}
