using Guardrails.Slo.Prometheus;

namespace Guardrails.Slo.Tests;

public sealed class QueryWindowTests
{
    [TestCase("sum(rate(x[5m]))", "sum(rate(x[{{.window}}]))")]
    [TestCase("sum(rate(x[1h30m])) / sum(rate(y[ 2h ]))", "sum(rate(x[{{.window}}])) / sum(rate(y[{{.window}}]))")]
    [TestCase("max_over_time(rate(x[5m])[30m:1m])", "max_over_time(rate(x[{{.window}}])[{{.window}}:1m])")]
    [TestCase("sum(rate(x{path=~\"/a[5m]\"}[5m]))", "sum(rate(x{path=~\"/a[5m]\"}[{{.window}}]))")]
    [TestCase("sum(rate(x[{{.window}}]))", "sum(rate(x[{{.window}}]))")]
    public void Range_selectors_become_the_window_placeholder(string query, string expected)
    {
        Assert.That(QueryWindow.Templatize(query), Is.EqualTo(expected));
    }

    [TestCase("sum(x)")]
    [TestCase("x{path=\"[5m]\"}")]
    [TestCase("x[foo]")]
    public void A_query_without_a_range_selector_has_no_template(string query)
    {
        Assert.That(QueryWindow.Templatize(query), Is.Null);
    }
}
