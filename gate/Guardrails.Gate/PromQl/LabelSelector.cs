using System.Collections.Generic;
using System.Linq;

namespace Guardrails.Gate.PromQl;

/// <summary>
/// The canary's label matchers as given on the command line (<c>track="canary"</c>, or several separated
/// by commas, with or without surrounding braces): parsed so a typo is reported before any query runs.
/// </summary>
public sealed class LabelSelector
{
    private LabelSelector(IReadOnlyList<LabelMatcher> matchers)
    {
        Matchers = matchers;
    }

    public IReadOnlyList<LabelMatcher> Matchers { get; }

    /// <summary>The matchers as they go inside a selector's braces, without the braces.</summary>
    public string MatcherList => string.Join(",", Matchers);

    /// <summary>These matchers and one more, after them.</summary>
    public LabelSelector With(LabelMatcher matcher) => new([.. Matchers, matcher]);

    public static LabelSelector Parse(string text)
    {
        var tokens = PromQlLexer.Tokenize(text).ToList();
        if (tokens.Count >= 2 && tokens[0].Kind == PromQlTokenKind.LeftBrace && tokens[^1].Kind == PromQlTokenKind.RightBrace)
        {
            tokens = tokens.GetRange(1, tokens.Count - 2);
        }

        if (tokens.Count == 0)
        {
            throw new PromQlSyntaxException("the selector is empty; give at least one matcher such as track=\"canary\"", 0);
        }

        var matchers = new List<LabelMatcher>();
        var index = 0;
        while (index < tokens.Count)
        {
            matchers.Add(ReadMatcher(tokens, ref index, text));
            if (index < tokens.Count)
            {
                var separator = tokens[index];
                if (separator.Kind != PromQlTokenKind.Comma)
                {
                    throw new PromQlSyntaxException($"expected ',' between matchers but found '{separator.Text}' at offset {separator.Start}", separator.Start);
                }

                index++;
            }
        }

        return new LabelSelector(matchers);
    }

    private static LabelMatcher ReadMatcher(List<PromQlToken> tokens, ref int index, string text)
    {
        var name = Expect(tokens, index, PromQlTokenKind.Identifier, "a label name", text);
        var matchOperator = Expect(tokens, index + 1, PromQlTokenKind.MatchOperator, "one of = != =~ !~", text);
        var value = Expect(tokens, index + 2, PromQlTokenKind.String, "a quoted value", text);
        index += 3;
        return new LabelMatcher(name.Text, matchOperator.Text, value.Text);
    }

    private static PromQlToken Expect(List<PromQlToken> tokens, int index, PromQlTokenKind kind, string what, string text)
    {
        if (index >= tokens.Count)
        {
            throw new PromQlSyntaxException($"expected {what} at the end of the selector", text.Length);
        }

        var token = tokens[index];
        if (token.Kind != kind || (kind == PromQlTokenKind.Identifier && token.Text.Contains(':', System.StringComparison.Ordinal)))
        {
            throw new PromQlSyntaxException($"expected {what} but found '{token.Text}' at offset {token.Start}", token.Start);
        }

        return token;
    }

    public override string ToString() => MatcherList;
}
