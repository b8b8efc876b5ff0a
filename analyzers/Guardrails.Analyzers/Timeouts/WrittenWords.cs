using System;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Guardrails.Analyzers.Timeouts;

/// <summary>
/// A search of a file's text for the words a rule's findings are written with. A rule whose shape is rare (an infinite
/// timeout, a connect) runs once per file and looks only at the few tokens found, instead of taking a callback for
/// each of the hundreds of thousands of calls in a build, whose dispatch alone costs more than the search.
/// </summary>
internal static class WrittenWords
{
    /// <summary>
    /// The tokens whose text holds <paramref name="word"/>, each once (a word found in a comment yields the token the
    /// comment belongs to, which the callers' shape tests turn down). The tree is read only when the word occurs.
    /// </summary>
    public static IEnumerable<SyntaxToken> TokensHolding(SyntaxTree tree, string text, string word, CancellationToken cancellationToken)
    {
        SyntaxNode? root = null;
        for (var at = text.IndexOf(word, StringComparison.Ordinal); at >= 0;)
        {
            root ??= tree.GetRoot(cancellationToken);
            var token = root.FindToken(at);
            yield return token;
            at = text.IndexOf(word, Math.Max(at + word.Length, token.Span.End), StringComparison.Ordinal);
        }
    }

    /// <summary>The call a token found by the search names: <c>Connect</c> in <c>socket.Connect(...)</c>, <c>socket?.Connect(...)</c> or <c>Connect(...)</c>.</summary>
    public static InvocationExpressionSyntax? InvocationNamedBy(SyntaxToken token)
    {
        if (token.Parent is not SimpleNameSyntax name)
        {
            return null;
        }

        SyntaxNode called = name.Parent switch
        {
            MemberAccessExpressionSyntax memberAccess when memberAccess.Name == name => memberAccess,
            MemberBindingExpressionSyntax memberBinding when memberBinding.Name == name => memberBinding,
            _ => name,
        };
        return called.Parent is InvocationExpressionSyntax invocation && invocation.Expression == called ? invocation : null;
    }
}
