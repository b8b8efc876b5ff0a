using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace Guardrails.Gate.PromQl;

/// <summary>
/// Restricts a PromQL expression to the canary by adding the canary's label matchers to every vector
/// selector in it: <c>rate(http_requests_total{code=~"5.."}[5m])</c> becomes
/// <c>rate(http_requests_total{track="canary",code=~"5.."}[5m])</c>, and a bare metric name gains braces.
/// Function names, aggregation label lists (<c>by (...)</c>, <c>on (...)</c>), durations, strings and
/// comments are left alone. A selector that already matches on one of the canary's labels is an error:
/// the result would silently select nothing or the wrong pods.
/// </summary>
public static class CanarySelectorInjector
{
    private static readonly HashSet<string> LabelListKeywords = new(StringComparer.Ordinal)
    {
        "by", "without", "on", "ignoring", "group_left", "group_right",
    };

    private static readonly HashSet<string> OtherKeywords = new(StringComparer.Ordinal)
    {
        "and", "or", "unless", "bool", "offset", "atan2",
    };

    private static readonly HashSet<string> Aggregations = new(StringComparer.Ordinal)
    {
        "sum", "min", "max", "avg", "group", "stddev", "stdvar", "count", "count_values", "bottomk", "topk",
        "quantile", "limitk", "limit_ratio",
    };

    public static string Inject(string expression, LabelSelector selector)
    {
        var tokens = PromQlLexer.Tokenize(expression);
        var insertions = new List<(int Offset, string Text)>();
        var parenthesisDepth = 0;
        for (var index = 0; index < tokens.Count; index++)
        {
            var token = tokens[index];
            switch (token.Kind)
            {
                case PromQlTokenKind.LeftBrace:
                    var closing = FindClosing(tokens, index, PromQlTokenKind.RightBrace, "}");
                    RejectConflictingMatchers(tokens, index, closing, selector);
                    var isEmpty = closing == index + 1;
                    insertions.Add((token.End, selector.MatcherList + (isEmpty ? string.Empty : ",")));
                    index = closing;
                    break;
                case PromQlTokenKind.LeftBracket:
                    index = FindClosing(tokens, index, PromQlTokenKind.RightBracket, "]");
                    break;
                case PromQlTokenKind.LeftParen:
                    parenthesisDepth++;
                    break;
                case PromQlTokenKind.RightParen:
                    parenthesisDepth--;
                    if (parenthesisDepth < 0)
                    {
                        throw new PromQlSyntaxException($"')' at offset {token.Start} closes nothing", token.Start);
                    }

                    break;
                case PromQlTokenKind.RightBrace or PromQlTokenKind.RightBracket:
                    throw new PromQlSyntaxException($"'{token.Text}' at offset {token.Start} closes nothing", token.Start);
                case PromQlTokenKind.Identifier:
                    index = HandleIdentifier(tokens, index, selector, insertions);
                    break;
            }
        }

        if (parenthesisDepth != 0)
        {
            throw new PromQlSyntaxException("a '(' is never closed", expression.Length);
        }

        if (insertions.Count == 0)
        {
            throw new PromQlSyntaxException("the query has no metric selector to restrict to the canary", 0);
        }

        return Apply(expression, insertions);
    }

    /// <summary>Returns the index of the last token the identifier consumed.</summary>
    private static int HandleIdentifier(IReadOnlyList<PromQlToken> tokens, int index, LabelSelector selector, List<(int Offset, string Text)> insertions)
    {
        var token = tokens[index];
        var next = index + 1 < tokens.Count ? tokens[index + 1] : (PromQlToken?)null;
        var nextKind = next?.Kind;
        if (LabelListKeywords.Contains(token.Text))
        {
            return nextKind == PromQlTokenKind.LeftParen ? FindClosing(tokens, index + 1, PromQlTokenKind.RightParen, ")") : index;
        }

        var isAggregationWithLabelList = Aggregations.Contains(token.Text) && nextKind == PromQlTokenKind.Identifier && next!.Value.Text is "by" or "without";
        var isNumberLiteral = token.Text.Equals("inf", StringComparison.OrdinalIgnoreCase) || token.Text.Equals("nan", StringComparison.OrdinalIgnoreCase);
        var isNotAMetric = OtherKeywords.Contains(token.Text) || isNumberLiteral || isAggregationWithLabelList
            || nextKind is PromQlTokenKind.LeftParen or PromQlTokenKind.LeftBrace;
        if (!isNotAMetric)
        {
            insertions.Add((token.End, "{" + selector.MatcherList + "}"));
        }

        return index;
    }

    private static int FindClosing(IReadOnlyList<PromQlToken> tokens, int opening, PromQlTokenKind closingKind, string closingText)
    {
        var openingKind = tokens[opening].Kind;
        var depth = 0;
        for (var index = opening; index < tokens.Count; index++)
        {
            var kind = tokens[index].Kind;
            if (kind == openingKind)
            {
                depth++;
            }
            else if (kind == closingKind && --depth == 0)
            {
                return index;
            }
        }

        var start = tokens[opening].Start;
        throw new PromQlSyntaxException($"'{tokens[opening].Text}' at offset {start} is never closed with '{closingText}'", start);
    }

    private static void RejectConflictingMatchers(IReadOnlyList<PromQlToken> tokens, int opening, int closing, LabelSelector selector)
    {
        var canaryLabels = selector.Matchers.Select(matcher => matcher.Name).ToHashSet(StringComparer.Ordinal);
        for (var index = opening + 1; index < closing - 1; index++)
        {
            var token = tokens[index];
            if (token.Kind == PromQlTokenKind.Identifier && tokens[index + 1].Kind == PromQlTokenKind.MatchOperator && canaryLabels.Contains(token.Text))
            {
                throw new PromQlSyntaxException(
                    string.Create(CultureInfo.InvariantCulture, $"the selector at offset {tokens[opening].Start} already matches on '{token.Text}', which the canary selector sets"),
                    token.Start);
            }
        }
    }

    private static string Apply(string expression, List<(int Offset, string Text)> insertions)
    {
        var builder = new StringBuilder(expression);
        foreach (var (offset, text) in insertions.OrderByDescending(insertion => insertion.Offset))
        {
            builder.Insert(offset, text);
        }

        return builder.ToString();
    }
}
