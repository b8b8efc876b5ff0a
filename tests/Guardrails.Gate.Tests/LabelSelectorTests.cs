using Guardrails.Gate.PromQl;

namespace Guardrails.Gate.Tests;

public sealed class LabelSelectorTests
{
    [TestCase("track=\"canary\"", "track=\"canary\"")]
    [TestCase("{track=\"canary\"}", "track=\"canary\"")]
    [TestCase(" track = \"canary\" , app=~'check.*' ", "track=\"canary\",app=~'check.*'")]
    [TestCase("track!=\"stable\",zone!~`a|b`", "track!=\"stable\",zone!~`a|b`")]
    public void Parses_promql_matchers(string text, string matcherList)
    {
        Assert.That(LabelSelector.Parse(text).MatcherList, Is.EqualTo(matcherList));
    }

    [TestCase("", "empty")]
    [TestCase("{}", "empty")]
    [TestCase("track=canary", "quoted value")]
    [TestCase("track", "one of = != =~ !~")]
    [TestCase("track==\"canary\"", "one of = != =~ !~")]
    [TestCase("track=\"canary\" app=\"x\"", "expected ','")]
    [TestCase("1track=\"x\"", "a label name")]
    [TestCase("a:b=\"x\"", "a label name")]
    [TestCase("track=\"canary", "not closed")]
    public void Rejects_anything_else_with_a_reason(string text, string reason)
    {
        Assert.That(() => LabelSelector.Parse(text), Throws.TypeOf<PromQlSyntaxException>().With.Message.Contains(reason));
    }
}
