using System.Threading.Tasks;
using Guardrails.Analyzers.Tests.Infrastructure;
using Guardrails.Analyzers.Timeouts;
using Microsoft.CodeAnalysis.Testing;

namespace Guardrails.Analyzers.Tests.Timeouts;

public sealed class HttpClientCallWithoutBoundAnalyzerTests
{
    private static Task VerifyAsync(string source, params DiagnosticResult[] expected)
        => AnalyzerVerifier<HttpClientCallWithoutBoundAnalyzer>.VerifyAsync(source, null, expected);

    private static DiagnosticResult Request(int markup, string request, string whatBoundsIt, string advice)
        => new DiagnosticResult(HttpClientCallWithoutBoundAnalyzer.Rule).WithLocation(markup).WithArguments(request, whatBoundsIt, advice);

    private const string PassTokenOrSetTimeout = "pass a CancellationToken that CancelAfter bounds, or set HttpClient.Timeout";

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

    [Test]
    public Task A_client_made_without_a_Timeout_in_a_field_or_constructor_is_named_where_it_is_used()
        => VerifyAsync(
            """
            using System.Net.Http;
            using System.Threading.Tasks;

            sealed class ExchangeRates
            {
                private static readonly HttpClient Shared = new HttpClient();
                private readonly HttpClient _http;

                public ExchangeRates() => _http = new HttpClient { BaseAddress = new System.Uri("https://rates.example") };

                public Task<string> LatestAsync() => _http.{|#0:GetStringAsync|}("/latest");

                public Task<string> HistoryAsync() => Shared.{|#1:GetStringAsync|}("/history");
            }
            """,
            Request(0, "HttpClient.GetStringAsync", "passes no CancellationToken and the client made in the constructor (line 9) sets no Timeout, so only HttpClient's 100-second default bounds it", PassTokenOrSetTimeout),
            Request(1, "HttpClient.GetStringAsync", "passes no CancellationToken and the client made in field 'Shared' (line 6) sets no Timeout, so only HttpClient's 100-second default bounds it", PassTokenOrSetTimeout));

    [Test]
    public Task A_client_whose_Timeout_is_infinite_is_said_to_have_no_bound_at_all()
        => VerifyAsync(
            """
            using System.Net.Http;
            using System.Threading;
            using System.Threading.Tasks;

            sealed class Feed
            {
                private readonly HttpClient _http = new() { Timeout = Timeout.InfiniteTimeSpan };

                public Task<string> PollAsync() => _http.{|#0:GetStringAsync|}("/events");
            }
            """,
            Request(0, "HttpClient.GetStringAsync", "passes no CancellationToken and the client made in field '_http' (line 7) has an infinite Timeout (line 7), so nothing bounds it", "pass a CancellationToken that CancelAfter bounds, or give the client a finite Timeout"));

    [Test]
    public Task A_client_given_a_Timeout_where_it_is_made_or_in_the_constructor_is_not_reported()
        => VerifyAsync("""
            using System;
            using System.Net.Http;
            using System.Threading.Tasks;

            sealed class Inventory
            {
                private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(5) };
                private readonly HttpClient _search;

                public Inventory()
                {
                    _search = new HttpClient();
                    _search.Timeout = TimeSpan.FromSeconds(2);
                }

                public Task<string> StockAsync(string sku) => _http.GetStringAsync("/stock/" + sku);

                public Task<string> SearchAsync(string text) => _search.GetStringAsync("/search?q=" + text);
            }
            """);

    [Test]
    public Task A_private_helper_is_judged_by_the_clients_its_callers_pass()
        => VerifyAsync(
            """
            using System;
            using System.Net.Http;
            using System.Threading.Tasks;

            sealed class Mirrors
            {
                private readonly HttpClient _bounded = new() { Timeout = TimeSpan.FromSeconds(5) };
                private readonly HttpClient _unbounded = new();

                public Task<string> PrimaryAsync() => FetchAsync(_bounded, "/primary");

                public Task<string> FallbackAsync() => FetchAsync(_unbounded, "/fallback");

                public Task<string> ChecksumAsync() => ReadAsync(_bounded, "/sha256");

                private static Task<string> FetchAsync(HttpClient client, string path) => client.{|#0:GetStringAsync|}(path);

                private static Task<string> ReadAsync(HttpClient client, string path) => client.GetStringAsync(path);
            }
            """,
            Request(0, "HttpClient.GetStringAsync", "passes no CancellationToken and the client made in field '_unbounded' (line 8) sets no Timeout, so only HttpClient's 100-second default bounds it", PassTokenOrSetTimeout));

    [Test]
    public Task WebClient_requests_are_reported_unless_a_subclass_sets_the_request_timeout()
        => VerifyAsync(
            """
            #pragma warning disable SYSLIB0014
            using System;
            using System.Net;
            using System.Threading.Tasks;

            sealed class TimedWebClient : WebClient
            {
                protected override WebRequest GetWebRequest(Uri address)
                {
                    var request = base.GetWebRequest(address);
                    request.Timeout = 10_000;
                    return request;
                }
            }

            sealed class Legacy
            {
                string Load(WebClient client, TimedWebClient timed)
                {
                    timed.DownloadString("https://example.org/a");
                    client.DownloadStringAsync(new Uri("https://example.org/events"));
                    return client.{|#0:DownloadString|}("https://example.org/b");
                }

                Task<byte[]> LoadAsync(WebClient client) => client.{|#1:DownloadDataTaskAsync|}("https://example.org/c");
            }
            """,
            Request(0, "WebClient.DownloadString", "takes no CancellationToken and WebClient has no timeout of your choosing", "use HttpClient with a CancellationToken that CancelAfter bounds, or a WebClient subclass whose GetWebRequest sets Timeout"),
            Request(1, "WebClient.DownloadDataTaskAsync", "takes no CancellationToken and WebClient has no timeout of your choosing", "use HttpClient with a CancellationToken that CancelAfter bounds, or a WebClient subclass whose GetWebRequest sets Timeout"));
}
