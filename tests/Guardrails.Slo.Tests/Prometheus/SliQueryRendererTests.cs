using System;
using Guardrails.Slo.Prometheus;
using Guardrails.Slo.Prometheus.Rules;

namespace Guardrails.Slo.Tests.Prometheus;

/// <summary>The one renderer of SLI queries, shared by the rule generator and the canary gate.</summary>
public sealed class SliQueryRendererTests
{
    // Every spelling Go's text/template (and so Sloth) reads as the .window action.
    [TestCase("rate(x[{{.window}}])", "rate(x[5m])")]
    [TestCase("rate(x[{{ .window }}])", "rate(x[5m])")]
    [TestCase("rate(x[{{  .window\t}}])", "rate(x[5m])")]
    [TestCase("rate(x[ {{- .window -}} ])", "rate(x[5m])")]
    [TestCase("rate(x[{{.window}}]) / rate(y[{{ .window }}])", "rate(x[5m]) / rate(y[5m])")]
    public void Every_spelling_of_the_window_placeholder_renders_the_window(string query, string rendered)
    {
        Assert.That(SliQueryRenderer.WithWindow(query, "5m"), Is.EqualTo(rendered));
        Assert.That(SliQueryRenderer.HasWindow(query), Is.True);
    }

    [TestCase("rate(x[5m])")]
    [TestCase("rate(x[{{.Window}}])")]
    [TestCase("rate(x[{{.windows}}])")]
    public void Other_text_is_left_alone(string query)
    {
        Assert.That(SliQueryRenderer.WithWindow(query, "5m"), Is.EqualTo(query));
        Assert.That(SliQueryRenderer.HasWindow(query), Is.False);
    }

    [Test]
    public void The_generator_renders_a_spaced_placeholder_like_the_plain_one()
    {
        var spaced = new SliQuery.Events("sum(rate(errors[{{ .window }}]))", "sum(rate(total[{{ .window }}]))");
        var plain = new SliQuery.Events("sum(rate(errors[{{.window}}]))", "sum(rate(total[{{.window}}]))");

        Assert.That(SliQueryRenderer.ErrorRatio(spaced, TimeSpan.FromHours(1)), Is.EqualTo(SliQueryRenderer.ErrorRatio(plain, TimeSpan.FromHours(1))).And.Contains("[1h]"));
    }
}
