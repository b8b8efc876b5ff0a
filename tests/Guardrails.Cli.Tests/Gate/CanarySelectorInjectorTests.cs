using Guardrails.Cli.Gate.PromQl;

namespace Guardrails.Cli.Tests.Gate;

public sealed class CanarySelectorInjectorTests
{
    private static readonly LabelSelector Canary = LabelSelector.Parse("track=\"canary\"");

    [TestCase("sum(rate(http_requests_total{code=~\"5..\"}[5m]))", "sum(rate(http_requests_total{track=\"canary\",code=~\"5..\"}[5m]))", TestName = "a selector with matchers gains the canary matcher first")]
    [TestCase("rate(http_requests_total[5m])", "rate(http_requests_total{track=\"canary\"}[5m])", TestName = "a bare metric name gains braces")]
    [TestCase("http_requests_total{}", "http_requests_total{track=\"canary\"}", TestName = "empty braces are filled")]
    [TestCase("x{a=\"b\",}", "x{track=\"canary\",a=\"b\",}", TestName = "a trailing comma stays valid")]
    [TestCase("{__name__=\"x\"}", "{track=\"canary\",__name__=\"x\"}", TestName = "a selector without a metric name")]
    [TestCase("sum by (code, le) (rate(x[5m]))", "sum by (code, le) (rate(x{track=\"canary\"}[5m]))", TestName = "a by clause before the aggregation is a label list")]
    [TestCase("sum(rate(x[5m])) without (instance)", "sum(rate(x{track=\"canary\"}[5m])) without (instance)", TestName = "a without clause after the aggregation is a label list")]
    [TestCase("a / on(job) group_left(team) b", "a{track=\"canary\"} / on(job) group_left(team) b{track=\"canary\"}", TestName = "vector matching label lists are left alone")]
    [TestCase("a / ignoring(code) group_right b", "a{track=\"canary\"} / ignoring(code) group_right b{track=\"canary\"}", TestName = "group_right without labels")]
    [TestCase("rate(x[5m] offset 1h)", "rate(x{track=\"canary\"}[5m] offset 1h)", TestName = "an offset's duration is not a metric")]
    [TestCase("x @ 1609746000", "x{track=\"canary\"} @ 1609746000", TestName = "an @ timestamp")]
    [TestCase("rate(x[5m] @ end())", "rate(x{track=\"canary\"}[5m] @ end())", TestName = "an @ end() modifier")]
    [TestCase("max_over_time(rate(x[1m])[5m:30s])", "max_over_time(rate(x{track=\"canary\"}[1m])[5m:30s])", TestName = "a subquery's range")]
    [TestCase("label_replace(x, \"dst\", \"{}\", \"src\", \"(.*)\")", "label_replace(x{track=\"canary\"}, \"dst\", \"{}\", \"src\", \"(.*)\")", TestName = "braces inside strings are not selectors")]
    [TestCase("x{path=\"a\\\"}b\"}", "x{track=\"canary\",path=\"a\\\"}b\"}", TestName = "an escaped quote inside a matcher value")]
    [TestCase("x # y{} is a comment\n+ z", "x{track=\"canary\"} # y{} is a comment\n+ z{track=\"canary\"}", TestName = "comments are left alone")]
    [TestCase("x * 100 > 1e-3", "x{track=\"canary\"} * 100 > 1e-3", TestName = "number literals with exponents")]
    [TestCase("x > Inf or x < NaN", "x{track=\"canary\"} > Inf or x{track=\"canary\"} < NaN", TestName = "Inf and NaN are numbers")]
    [TestCase("x == 0x1F", "x{track=\"canary\"} == 0x1F", TestName = "hexadecimal numbers and ==")]
    [TestCase("histogram_quantile(0.99, sum by (le) (rate(h_bucket[5m])))", "histogram_quantile(0.99, sum by (le) (rate(h_bucket{track=\"canary\"}[5m])))", TestName = "a latency quantile")]
    [TestCase("count(x) and on() vector(1)", "count(x{track=\"canary\"}) and on() vector(1)", TestName = "an empty on() and a function without selectors")]
    [TestCase("slo:sli_error:ratio_rate5m{sloth_id=\"a\"}", "slo:sli_error:ratio_rate5m{track=\"canary\",sloth_id=\"a\"}", TestName = "recording rule names with colons")]
    [TestCase("topk(5, x) unless absent(y)", "topk(5, x{track=\"canary\"}) unless absent(y{track=\"canary\"})", TestName = "aggregation parameters and set operators")]
    [TestCase("sum(x)by(job)", "sum(x{track=\"canary\"})by(job)", TestName = "no spaces around by")]
    [TestCase("x > bool 1", "x{track=\"canary\"} > bool 1", TestName = "the bool modifier")]
    [TestCase("1 - (sum(rate(ok[5m])) / sum(rate(all[5m])))", "1 - (sum(rate(ok{track=\"canary\"}[5m])) / sum(rate(all{track=\"canary\"}[5m])))", TestName = "a good-over-total ratio")]
    public void Adds_the_canary_matchers_to_every_vector_selector(string query, string expected)
    {
        Assert.That(CanarySelectorInjector.Inject(query, Canary), Is.EqualTo(expected));
    }

    [Test]
    public void Adds_every_matcher_of_a_compound_selector()
    {
        var selector = LabelSelector.Parse("{track=\"canary\", region=~\"eu-.*\"}");

        Assert.That(CanarySelectorInjector.Inject("rate(x[5m])", selector), Is.EqualTo("rate(x{track=\"canary\",region=~\"eu-.*\"}[5m])"));
    }

    [TestCase("x{track=\"stable\"}", "already matches on 'track'", TestName = "a selector that already matches the canary label")]
    [TestCase("sum(rate(x[5m])", "never closed", TestName = "an unclosed parenthesis")]
    [TestCase("rate(x[5m)", "never closed", TestName = "an unclosed bracket")]
    [TestCase("x}", "closes nothing", TestName = "a stray closing brace")]
    [TestCase("x)", "closes nothing", TestName = "a stray closing parenthesis")]
    [TestCase("vector(1)", "no metric selector", TestName = "a query without any selector")]
    [TestCase("x{a=\"b}", "not closed", TestName = "an unterminated string")]
    public void Refuses_what_it_cannot_restrict_safely(string query, string reason)
    {
        Assert.That(() => CanarySelectorInjector.Inject(query, Canary), Throws.TypeOf<PromQlSyntaxException>().With.Message.Contains(reason));
    }
}
