using System.Threading.Tasks;
using Guardrails.Analyzers.Timeouts;

namespace Guardrails.Analyzers.Tests.Timeouts;

public sealed class HttpClientCallWithoutBoundAnalyzerTests
{
    private static Task VerifyAsync(string source)
        => TimeoutsVerifier.VerifyAnalyzerAsync<HttpClientCallWithoutBoundAnalyzer>(source);

    [Test]
    public Task Requests_without_token_or_timeout_are_reported()
        => VerifyAsync("""
            using System.Net.Http;
            using System.Net.Http.Json;
            using System.Threading.Tasks;

            class Quotes
            {
                private readonly HttpClient http;

                public Quotes(HttpClient http) => this.http = http;

                async Task<string> LoadAsync()
                {
                    using var response = await http.{|GR2005:GetAsync|}("/quotes");
                    _ = await http.{|GR2005:SendAsync|}(new HttpRequestMessage(HttpMethod.Get, "/quotes"));
                    _ = await http.{|GR2005:GetFromJsonAsync<int[]>|}("/quotes");
                    return await http.{|GR2005:GetStringAsync|}("/quotes");
                }
            }
            """);

    [Test]
    public Task Requests_with_a_token_a_token_to_forward_or_a_timeout_set_here_are_not_reported()
        => VerifyAsync("""
            using System;
            using System.Net.Http;
            using System.Threading;
            using System.Threading.Tasks;

            class Quotes
            {
                async Task<string> WithTokenAsync(HttpClient http)
                {
                    using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                    return await http.GetStringAsync("/quotes", timeout.Token);
                }

                Task<string> ForwardAsync(HttpClient http, CancellationToken cancellationToken) => http.GetStringAsync("/quotes");

                Task<string> InitializedAsync()
                {
                    var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
                    return http.GetStringAsync("/quotes");
                }

                Task<string> AssignedAsync(HttpClient http)
                {
                    http.Timeout = TimeSpan.FromSeconds(2);
                    return http.GetStringAsync("/quotes");
                }

                void Dispose(HttpClient http) => http.Dispose();
            }
            """);
}
