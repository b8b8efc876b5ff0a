using Guardrails.Gate.Prometheus;

namespace Guardrails.Gate.Tests;

public sealed class PrometheusResponseReaderTests
{
    [TestCase("{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[{\"metric\":{},\"value\":[1700000000.5,\"0.25\"]}]}}", 0.25)]
    [TestCase("{\"status\":\"success\",\"data\":{\"resultType\":\"scalar\",\"result\":[1700000000,\"3\"]}}", 3.0)]
    [TestCase("{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[{\"metric\":{},\"value\":[1,\"+Inf\"]}]}}", double.PositiveInfinity)]
    [TestCase("{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[{\"metric\":{},\"value\":[1,\"NaN\"]}]}}", double.NaN)]
    [TestCase("{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[{\"metric\":{},\"value\":[1,\"1e-05\"]}]}}", 0.00001)]
    public void Reads_the_single_value(string body, double expected)
    {
        Assert.That(PrometheusResponseReader.ReadSingleValue(body), Is.EqualTo(expected));
    }

    [Test]
    public void An_empty_vector_is_no_value()
    {
        Assert.That(PrometheusResponseReader.ReadSingleValue("{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[]}}"), Is.Null);
    }

    [TestCase("", "not JSON")]
    [TestCase("<html>", "not JSON")]
    [TestCase("[]", "no \"status\" field")]
    [TestCase("{\"status\":\"error\",\"errorType\":\"execution\",\"error\":\"query timed out\"}", "query timed out")]
    [TestCase("{\"status\":\"success\"}", "no \"data\"")]
    [TestCase("{\"status\":\"success\",\"data\":{\"resultType\":\"string\",\"result\":[1,\"a\"]}}", "result type 'string'")]
    [TestCase("{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":{}}}", "not an array")]
    [TestCase("{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[{\"metric\":{}}]}}", "without \"value\"")]
    [TestCase("{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[{\"value\":[1,\"1\"]},{\"value\":[1,\"2\"]}]}}", "2 series")]
    [TestCase("{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[{\"value\":[1,2]}]}}", "not [timestamp, \"value\"]")]
    public void Anything_else_is_a_failed_query_saying_what_was_wrong(string body, string reason)
    {
        Assert.That(
            () => PrometheusResponseReader.ReadSingleValue(body),
            Throws.TypeOf<PrometheusQueryException>().With.Message.Contains(reason).And.Property(nameof(PrometheusQueryException.IsTransient)).False);
    }

    [Test]
    public void A_long_garbage_body_is_shortened_in_the_message()
    {
        var body = "<html>" + new string('x', 5000);

        Assert.That(() => PrometheusResponseReader.ReadSingleValue(body), Throws.TypeOf<PrometheusQueryException>().With.Message.Length.LessThan(400));
    }
}
