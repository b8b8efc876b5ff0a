using System;
using Guardrails.Slo.Prometheus;

namespace Guardrails.Slo.Tests.Prometheus;

public sealed class PrometheusDurationParseTests
{
    [TestCase("200ms", 200)]
    [TestCase("30s", 30_000)]
    [TestCase("5m", 300_000)]
    [TestCase("1h30m", 5_400_000)]
    [TestCase("1d", 86_400_000)]
    [TestCase("1w", 604_800_000)]
    [TestCase("1m30s500ms", 90_500)]
    public void Parses_prometheus_durations(string text, long milliseconds)
    {
        Assert.Multiple(() =>
        {
            Assert.That(PrometheusDuration.TryParse(text, out var duration), Is.True);
            Assert.That(duration.Value, Is.EqualTo(TimeSpan.FromMilliseconds(milliseconds)));
            Assert.That(duration.Text, Is.EqualTo(text), "kept as written, for the range selector");
        });
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("0s")]
    [TestCase("5")]
    [TestCase("m")]
    [TestCase("5M")]
    [TestCase("-5m")]
    [TestCase("1.5m")]
    [TestCase("30s5m")]
    [TestCase("5m ")]
    [TestCase("999999999y")]
    [TestCase("\u0665m")]
    public void Rejects_what_prometheus_would_reject_or_what_is_not_positive(string? text)
    {
        Assert.That(PrometheusDuration.TryParse(text, out _), Is.False);
    }

    [Test]
    public void Parse_names_the_text_it_cannot_read()
    {
        Assert.Multiple(() =>
        {
            Assert.That(PrometheusDuration.Parse("1h30m").Value, Is.EqualTo(TimeSpan.FromMinutes(90)));
            Assert.That(() => PrometheusDuration.Parse("5M"), Throws.TypeOf<FormatException>().With.Message.Contains("'5M'"));
        });
    }

    [TestCase("200ms")]
    [TestCase("5m")]
    [TestCase("1h30m")]
    [TestCase("4w")]
    [TestCase("1y")]
    public void Formatting_what_was_parsed_gives_the_same_text(string text)
    {
        Assert.That(PrometheusDuration.Format(PrometheusDuration.Parse(text).Value), Is.EqualTo(text));
    }
}
