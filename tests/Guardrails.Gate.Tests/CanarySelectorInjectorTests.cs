using Guardrails.Gate.PromQl;

namespace Guardrails.Gate.Tests;

public sealed class CanarySelectorInjectorTests
{
    private static readonly LabelSelector Canary = LabelSelector.Parse("track=\"canary\"");

    /// <summary>Queries and their canary-only form; the integration tests check Prometheus parses each result.</summary>
    public static readonly TestCaseData[] Injections =
    [
        new TestCaseData("sum(rate(http_requests_total{code=~\"5..\"}[5m]))", "sum(rate(http_requests_total{track=\"canary\",code=~\"5..\"}[5m]))").SetName("a selector with matchers gains the canary matcher first"),
        new TestCaseData("rate(http_requests_total[5m])", "rate(http_requests_total{track=\"canary\"}[5m])").SetName("a bare metric name gains braces"),
        new TestCaseData("http_requests_total{}", "http_requests_total{track=\"canary\"}").SetName("empty braces are filled"),
        new TestCaseData("x{a=\"b\",}", "x{track=\"canary\",a=\"b\",}").SetName("a trailing comma stays valid"),
        new TestCaseData("{__name__=\"x\"}", "{track=\"canary\",__name__=\"x\"}").SetName("a selector without a metric name"),
        new TestCaseData("sum by (code, le) (rate(x[5m]))", "sum by (code, le) (rate(x{track=\"canary\"}[5m]))").SetName("a by clause before the aggregation is a label list"),
        new TestCaseData("sum(rate(x[5m])) without (instance)", "sum(rate(x{track=\"canary\"}[5m])) without (instance)").SetName("a without clause after the aggregation is a label list"),
        new TestCaseData("a / on(job) group_left(team) b", "a{track=\"canary\"} / on(job) group_left(team) b{track=\"canary\"}").SetName("vector matching label lists are left alone"),
        new TestCaseData("a / ignoring(code) group_right b", "a{track=\"canary\"} / ignoring(code) group_right b{track=\"canary\"}").SetName("group_right without labels"),
        new TestCaseData("rate(x[5m] offset 1h)", "rate(x{track=\"canary\"}[5m] offset 1h)").SetName("an offset's duration is not a metric"),
        new TestCaseData("x @ 1609746000", "x{track=\"canary\"} @ 1609746000").SetName("an @ timestamp"),
        new TestCaseData("rate(x[5m] @ end())", "rate(x{track=\"canary\"}[5m] @ end())").SetName("an @ end() modifier"),
        new TestCaseData("max_over_time(rate(x[1m])[5m:30s])", "max_over_time(rate(x{track=\"canary\"}[1m])[5m:30s])").SetName("a subquery's range"),
        new TestCaseData("label_replace(x, \"dst\", \"{}\", \"src\", \"(.*)\")", "label_replace(x{track=\"canary\"}, \"dst\", \"{}\", \"src\", \"(.*)\")").SetName("braces inside strings are not selectors"),
        new TestCaseData("x{path=\"a\\\"}b\"}", "x{track=\"canary\",path=\"a\\\"}b\"}").SetName("an escaped quote inside a matcher value"),
        new TestCaseData("x # y{} is a comment\n+ z", "x{track=\"canary\"} # y{} is a comment\n+ z{track=\"canary\"}").SetName("comments are left alone"),
        new TestCaseData("x * 100 > 1e-3", "x{track=\"canary\"} * 100 > 1e-3").SetName("number literals with exponents"),
        new TestCaseData("x > Inf or x < NaN", "x{track=\"canary\"} > Inf or x{track=\"canary\"} < NaN").SetName("Inf and NaN are numbers"),
        new TestCaseData("x == 0x1F", "x{track=\"canary\"} == 0x1F").SetName("hexadecimal numbers and =="),
        new TestCaseData("histogram_quantile(0.99, sum by (le) (rate(h_bucket[5m])))", "histogram_quantile(0.99, sum by (le) (rate(h_bucket{track=\"canary\"}[5m])))").SetName("a latency quantile"),
        new TestCaseData("count(x) and on() vector(1)", "count(x{track=\"canary\"}) and on() vector(1)").SetName("an empty on() and a function without selectors"),
        new TestCaseData("slo:sli_error:ratio_rate5m{sloth_id=\"a\"}", "slo:sli_error:ratio_rate5m{track=\"canary\",sloth_id=\"a\"}").SetName("recording rule names with colons"),
        new TestCaseData("topk(5, x) unless absent(y)", "topk(5, x{track=\"canary\"}) unless absent(y{track=\"canary\"})").SetName("aggregation parameters and set operators"),
        new TestCaseData("sum(x)by(job)", "sum(x{track=\"canary\"})by(job)").SetName("no spaces around by"),
        new TestCaseData("x > bool 1", "x{track=\"canary\"} > bool 1").SetName("the bool modifier"),
        new TestCaseData("1 - (sum(rate(ok[5m])) / sum(rate(all[5m])))", "1 - (sum(rate(ok{track=\"canary\"}[5m])) / sum(rate(all{track=\"canary\"}[5m])))").SetName("a good-over-total ratio"),
    ];

    [TestCaseSource(nameof(Injections))]
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
