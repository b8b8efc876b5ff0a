using System.Collections.Generic;

namespace Guardrails.Gate.PromQl;

/// <summary>
/// Splits PromQL into the tokens the selector injector needs to tell vector selectors from function names,
/// label lists, durations, strings and comments. It follows the lexical rules of Prometheus's own lexer
/// (promql/parser/lex.go) for those token classes and lumps every other operator together.
/// </summary>
internal static class PromQlLexer
{
    public static IReadOnlyList<PromQlToken> Tokenize(string text)
    {
        var tokens = new List<PromQlToken>();
        var position = 0;
        while (position < text.Length)
        {
            var current = text[position];
            if (char.IsWhiteSpace(current))
            {
                position++;
                continue;
            }

            if (current == '#')
            {
                while (position < text.Length && text[position] != '\n')
                {
                    position++;
                }

                continue;
            }

            var start = position;
            var kind = current switch
            {
                '{' => PromQlTokenKind.LeftBrace,
                '}' => PromQlTokenKind.RightBrace,
                '(' => PromQlTokenKind.LeftParen,
                ')' => PromQlTokenKind.RightParen,
                '[' => PromQlTokenKind.LeftBracket,
                ']' => PromQlTokenKind.RightBracket,
                ',' => PromQlTokenKind.Comma,
                _ => PromQlTokenKind.Other,
            };

            if (kind != PromQlTokenKind.Other)
            {
                position++;
            }
            else if (current is '"' or '\'' or '`')
            {
                kind = PromQlTokenKind.String;
                position = SkipString(text, position);
            }
            else if (IsIdentifierStart(current))
            {
                kind = PromQlTokenKind.Identifier;
                while (position < text.Length && IsIdentifierPart(text[position]))
                {
                    position++;
                }
            }
            else if (char.IsAsciiDigit(current) || (current == '.' && position + 1 < text.Length && char.IsAsciiDigit(text[position + 1])))
            {
                kind = PromQlTokenKind.NumberOrDuration;
                position = SkipNumberOrDuration(text, position);
            }
            else if (IsMatchOperatorAt(text, position, out var length))
            {
                kind = PromQlTokenKind.MatchOperator;
                position += length;
            }
            else
            {
                // Comparison operators are passed through whole so their '=' is never read as a matcher.
                var isTwoCharacterComparison = position + 1 < text.Length && text[position + 1] == '=' && current is '=' or '<' or '>';
                position += isTwoCharacterComparison ? 2 : 1;
            }

            tokens.Add(new PromQlToken(kind, start, position, text[start..position]));
        }

        return tokens;
    }

    private static int SkipString(string text, int position)
    {
        var quote = text[position];
        var start = position;
        position++;
        while (position < text.Length)
        {
            var current = text[position];
            if (current == '\\' && quote != '`')
            {
                position += 2;
                continue;
            }

            position++;
            if (current == quote)
            {
                return position;
            }
        }

        throw new PromQlSyntaxException($"the string starting at offset {start} is not closed", start);
    }

    private static int SkipNumberOrDuration(string text, int position)
    {
        position++;
        while (position < text.Length)
        {
            var current = text[position];
            var previous = text[position - 1];
            var isExponentSign = current is '+' or '-' && previous is 'e' or 'E' && !IsHexNumber(text, position);
            if (!char.IsAsciiLetterOrDigit(current) && current != '.' && current != '_' && !isExponentSign)
            {
                break;
            }

            position++;
        }

        return position;
    }

    private static bool IsHexNumber(string text, int position)
    {
        var start = position;
        while (start > 0 && (char.IsAsciiLetterOrDigit(text[start - 1]) || text[start - 1] == '.'))
        {
            start--;
        }

        return position - start > 1 && text[start] == '0' && text[start + 1] is 'x' or 'X';
    }

    private static bool IsMatchOperatorAt(string text, int position, out int length)
    {
        var current = text[position];
        var next = position + 1 < text.Length ? text[position + 1] : '\0';
        (var isMatch, length) = (current, next) switch
        {
            ('=', '~') or ('!', '=') or ('!', '~') => (true, 2),
            ('=', '=') => (false, 0),
            ('=', _) => (true, 1),
            _ => (false, 0),
        };
        return isMatch;
    }

    private static bool IsIdentifierStart(char value) => char.IsAsciiLetter(value) || value is '_' or ':';

    private static bool IsIdentifierPart(char value) => char.IsAsciiLetterOrDigit(value) || value is '_' or ':';
}
