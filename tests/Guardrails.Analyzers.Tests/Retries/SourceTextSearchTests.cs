using System.Collections.Generic;
using Guardrails.Analyzers.Retries;
using Microsoft.CodeAnalysis.Text;

namespace Guardrails.Analyzers.Tests.Retries;

/// <summary>The text search that finds where GR1004 looks in the tree for a method calling itself.</summary>
[TestFixture]
public sealed class SourceTextSearchTests
{
    [Test]
    public void A_call_by_the_whole_name_is_found_where_it_is_written()
    {
        var text = SourceText.From("{ if (!ok) { Send(message, retries - 1); } }");

        Assert.That(SourceTextSearch.IndexesOfWord(text, new TextSpan(0, text.Length), "Send"), Is.EqualTo(new List<int> { 13 }));
    }

    [Test]
    public void A_name_inside_a_longer_identifier_is_not_a_mention()
    {
        var text = SourceText.From("{ Initialize(); var initCount = ReInit; }");

        Assert.That(SourceTextSearch.IndexesOfWord(text, new TextSpan(0, text.Length), "Init"), Is.Empty);
    }

    [Test]
    public void A_name_across_the_boundary_of_two_chunks_is_found()
    {
        // The search copies 4,096 characters at a time: put the name across the first boundary.
        var text = SourceText.From(new string(' ', 4_093) + "Connect(host);" + new string(' ', 2_000));

        Assert.That(SourceTextSearch.IndexesOfWord(text, new TextSpan(0, text.Length), "Connect"), Is.EqualTo(new List<int> { 4_093 }));
    }

    [Test]
    public void Only_the_given_span_is_searched()
    {
        var text = SourceText.From("void Save() { Save(); } void Other() { Write(); }");
        var other = text.ToString().IndexOf("void Other", System.StringComparison.Ordinal);

        Assert.That(SourceTextSearch.IndexesOfWord(text, TextSpan.FromBounds(other, text.Length), "Save"), Is.Empty);
    }

    [Test]
    public void Every_mention_is_found_in_order()
    {
        var text = SourceText.From("{ engine.Send(m); Resend(m); Send(m, retries - 1); }");

        Assert.That(SourceTextSearch.IndexesOfWord(text, new TextSpan(0, text.Length), "Send"), Is.EqualTo(new List<int> { 9, 29 }));
    }

    [Test]
    public void A_mention_at_the_end_of_one_chunk_is_found_once()
    {
        // Chunks overlap by the word's length: the name ends exactly where the first chunk of 4,096 characters ends.
        var text = SourceText.From(new string(' ', 4_089) + "Connect(host); Connect(host);");

        Assert.That(SourceTextSearch.IndexesOfWord(text, new TextSpan(0, text.Length), "Connect"), Is.EqualTo(new List<int> { 4_089, 4_104 }));
    }

    [Test]
    public void A_name_longer_than_half_a_chunk_is_found_across_chunks()
    {
        var name = "Retry" + new string('x', 3_000);
        var text = SourceText.From(new string(' ', 5_000) + name + "(); " + name + "x();");

        Assert.That(SourceTextSearch.IndexesOfWord(text, new TextSpan(0, text.Length), name), Is.EqualTo(new List<int> { 5_000 }));
    }
}
