using System;
using Microsoft.CodeAnalysis.Text;

namespace Guardrails.Analyzers.Retries;

/// <summary>
/// Looks for a word in the text of a span without walking its syntax: copying characters into a buffer and
/// searching them costs a fraction of visiting every node, so whole method bodies can be ruled out this way.
/// </summary>
internal static class SourceTextSearch
{
    private const int ChunkLength = 4096;

    [ThreadStatic]
    private static char[]? buffer;

    /// <summary>Whether <paramref name="word"/> occurs in the span as a whole word (not inside <c>Initialize</c> when looking for <c>Init</c>).</summary>
    public static bool ContainsWord(SourceText text, TextSpan span, string word)
    {
        if (word.Length == 0 || word.Length > span.Length)
        {
            return false;
        }

        if (word.Length > ChunkLength / 2)
        {
            // No real identifier is this long; saying "maybe" leaves the decision to the syntax walk.
            return true;
        }

        var chunk = buffer ??= new char[ChunkLength];
        var wanted = word.AsSpan();

        // Chunks overlap by the word's length, so a word across a chunk boundary is still found with its neighbours.
        for (var start = span.Start; start < span.End; start += ChunkLength - word.Length)
        {
            var length = Math.Min(ChunkLength, span.End - start);
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
                if ((at == 0 || !IsIdentifierCharacter(chunk[at - 1])) && (end >= length || !IsIdentifierCharacter(chunk[end])))
                {
                    return true;
                }

                offset = at + 1;
            }

            if (start + length >= span.End)
            {
                break;
            }
        }

        return false;
    }

    private static bool IsIdentifierCharacter(char character) => char.IsLetterOrDigit(character) || character == '_';
}
