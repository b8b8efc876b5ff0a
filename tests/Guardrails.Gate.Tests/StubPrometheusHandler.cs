using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace Guardrails.Gate.Tests;

/// <summary>Answers /api/v1/query in process: the first rule whose text the query contains gives the value (null: empty vector).</summary>
internal sealed class StubPrometheusHandler : HttpMessageHandler
{
    private readonly IReadOnlyList<(string QueryContains, string? Value)> rules;

    public StubPrometheusHandler(params (string QueryContains, string? Value)[] rules)
    {
        this.rules = rules;
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var query = Uri.UnescapeDataString(request.RequestUri!.Query);
        var value = rules.First(rule => query.Contains(rule.QueryContains, StringComparison.Ordinal)).Value;
        var result = value is null ? "[]" : "[{\"metric\":{},\"value\":[1700000000,\"" + value + "\"]}]";
        return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK)
        {
            Content = new StringContent("{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":" + result + "}}"),
        });
    }
}
