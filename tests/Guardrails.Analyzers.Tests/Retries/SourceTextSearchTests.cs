using Guardrails.Analyzers.Retries;
using Microsoft.CodeAnalysis.Text;

namespace Guardrails.Analyzers.Tests.Retries;

/// <summary>The text search that rules out method bodies before GR1004 walks their syntax.</summary>
[TestFixture]
public sealed class SourceTextSearchTests
{
    [Test]
    public void A_call_by_the_whole_name_is_found()
    {
        var text = SourceText.From("{ if (!ok) { Send(message, retries - 1); } }");

        Assert.That(SourceTextSearch.ContainsWord(text, new TextSpan(0, text.Length), "Send"), Is.True);
    }

    [Test]
    public void A_name_inside_a_longer_identifier_is_not_a_mention()
    {
        var text = SourceText.From("{ Initialize(); var initCount = ReInit; }");

        Assert.That(SourceTextSearch.ContainsWord(text, new TextSpan(0, text.Length), "Init"), Is.False);
    }

    [Test]
    public void A_name_across_the_boundary_of_two_chunks_is_found()
    {
        // The search copies 4,096 characters at a time: put the name across the first boundary.
        var text = SourceText.From(new string(' ', 4_093) + "Connect(host);" + new string(' ', 2_000));

        Assert.That(SourceTextSearch.ContainsWord(text, new TextSpan(0, text.Length), "Connect"), Is.True);
    }

    [Test]
    public void Only_the_given_span_is_searched()
    {
        var text = SourceText.From("void Save() { Save(); } void Other() { Write(); }");
        var other = text.ToString().IndexOf("void Other", System.StringComparison.Ordinal);

        Assert.That(SourceTextSearch.ContainsWord(text, TextSpan.FromBounds(other, text.Length), "Save"), Is.False);
    }
}
