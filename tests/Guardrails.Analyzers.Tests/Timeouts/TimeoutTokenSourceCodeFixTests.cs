using System.Threading.Tasks;
using Guardrails.Analyzers.CodeFixes.Timeouts;
using Guardrails.Analyzers.Timeouts;

namespace Guardrails.Analyzers.Tests.Timeouts;

/// <summary>
/// GR2003 and GR2005 with no token in scope: the fix declares a <c>CancellationTokenSource</c> of the default
/// timeout just before the call and passes its token. Every fixed source here must compile without warnings.
/// </summary>
public sealed class TimeoutTokenSourceCodeFixTests
{
    [Test]
    public Task An_awaited_connect_is_cancelled_by_a_new_source_of_the_default_timeout()
        => TimeoutsVerifier.VerifyCodeFixAsync<UnboundedConnectAnalyzer, PassCancellationTokenCodeFix>(
            """
            using System.Net;
            using System.Net.Sockets;
            using System.Threading;
            using System.Threading.Tasks;

            class Feed
            {
                async Task<Socket> OpenAsync(EndPoint endPoint)
                {
                    var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
                    await socket.{|GR2003:ConnectAsync|}(endPoint);
                    return socket;
                }
            }
            """,
            """
            using System.Net;
            using System.Net.Sockets;
            using System.Threading;
            using System.Threading.Tasks;

            class Feed
            {
                private static readonly System.TimeSpan WaitTimeout = System.TimeSpan.FromSeconds(30);

                async Task<Socket> OpenAsync(EndPoint endPoint)
                {
                    var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
                    using var timeout = new CancellationTokenSource(WaitTimeout);
                    await socket.ConnectAsync(endPoint, timeout.Token);
                    return socket;
                }
            }
            """);

    [Test]
    public Task An_expression_bodied_request_gets_a_block_that_returns_it_and_the_configured_timeout()
        => TimeoutsVerifier.VerifyCodeFixAsync<HttpClientCallWithoutBoundAnalyzer, PassCancellationTokenCodeFix>(
            """
            using System;
            using System.Net.Http;
            using System.Threading.Tasks;

            class Inventory
            {
                private readonly HttpClient http = new();

                public async Task<string> GetNameAsync(string sku)
                    => await http.{|GR2005:GetStringAsync|}(new Uri("https://inventory.example/name/" + sku));
            }
            """,
            """
            using System;
            using System.Net.Http;
            using System.Threading.Tasks;

            class Inventory
            {
                private static readonly TimeSpan WaitTimeout = TimeSpan.FromSeconds(5);

                private readonly HttpClient http = new();

                public async Task<string> GetNameAsync(string sku)
                {
                    using var timeout = new System.Threading.CancellationTokenSource(WaitTimeout);
                    return await http.GetStringAsync(new Uri("https://inventory.example/name/" + sku), timeout.Token);
                }
            }
            """,
            editorConfig: "guardrails.default_timeout = 00:00:05");

    [Test]
    public Task The_source_takes_a_free_name_and_the_existing_WaitTimeout_field()
        => TimeoutsVerifier.VerifyCodeFixAsync<HttpClientCallWithoutBoundAnalyzer, PassCancellationTokenCodeFix>(
            """
            using System;
            using System.Net.Http;
            using System.Threading;
            using System.Threading.Tasks;

            class Inventory
            {
                private static readonly TimeSpan WaitTimeout = TimeSpan.FromSeconds(2);
                private readonly HttpClient http = new();

                public async Task<int> CountAsync(string sku, TimeSpan timeout)
                {
                    var body = await http.{|GR2005:GetStringAsync|}("/count/" + sku).ConfigureAwait(false);
                    return body.Length + timeout.Milliseconds;
                }
            }
            """,
            """
            using System;
            using System.Net.Http;
            using System.Threading;
            using System.Threading.Tasks;

            class Inventory
            {
                private static readonly TimeSpan WaitTimeout = TimeSpan.FromSeconds(2);
                private readonly HttpClient http = new();

                public async Task<int> CountAsync(string sku, TimeSpan timeout)
                {
                    using var timeout2 = new CancellationTokenSource(WaitTimeout);
                    var body = await http.GetStringAsync("/count/" + sku, timeout2.Token).ConfigureAwait(false);
                    return body.Length + timeout.Milliseconds;
                }
            }
            """);

    [Test]
    public Task An_async_lambda_gets_a_block_body()
        => TimeoutsVerifier.VerifyCodeFixAsync<UnboundedConnectAnalyzer, PassCancellationTokenCodeFix>(
            """
            using System;
            using System.Net.Sockets;
            using System.Threading;
            using System.Threading.Tasks;

            class Pool
            {
                Func<TcpClient, Task> Opener() => async client => await client.{|GR2003:ConnectAsync|}("db.internal", 5432);
            }
            """,
            """
            using System;
            using System.Net.Sockets;
            using System.Threading;
            using System.Threading.Tasks;

            class Pool
            {
                private static readonly TimeSpan WaitTimeout = TimeSpan.FromSeconds(30);

                Func<TcpClient, Task> Opener() => async client =>
                {
                    using var timeout = new CancellationTokenSource(WaitTimeout);
                    await client.ConnectAsync("db.internal", 5432, timeout.Token);
                };
            }
            """);

    /// <summary>
    /// A task returned or stored outlives the source, whose timer is disposed with it: the token would never be
    /// cancelled, so no fix is offered there, nor in a loop condition where one budget would span every iteration.
    /// </summary>
    [Test]
    public Task No_source_for_a_task_that_leaves_the_statement_or_a_call_in_a_condition()
        => TimeoutsVerifier.VerifyCodeFixAsync<HttpClientCallWithoutBoundAnalyzer, PassCancellationTokenCodeFix>(
            """
            using System.Net.Http;
            using System.Threading.Tasks;

            class Inventory
            {
                private readonly HttpClient http = new();

                Task<string> LoadAsync() => http.{|GR2005:GetStringAsync|}("/stock");

                async Task<int> PollAsync()
                {
                    var pending = http.{|GR2005:GetStringAsync|}("/a");
                    while ((await http.{|GR2005:GetStringAsync|}("/ready")).Length == 0)
                    {
                    }

                    return (await pending).Length;
                }
            }
            """,
            """
            using System.Net.Http;
            using System.Threading.Tasks;

            class Inventory
            {
                private readonly HttpClient http = new();

                Task<string> LoadAsync() => http.{|GR2005:GetStringAsync|}("/stock");

                async Task<int> PollAsync()
                {
                    var pending = http.{|GR2005:GetStringAsync|}("/a");
                    while ((await http.{|GR2005:GetStringAsync|}("/ready")).Length == 0)
                    {
                    }

                    return (await pending).Length;
                }
            }
            """);

    /// <summary>Once one call of a block has its source, the next call's first fix is to pass the same token.</summary>
    [Test]
    public Task A_second_request_in_the_block_shares_the_source_the_first_fix_declared()
        => TimeoutsVerifier.VerifyCodeFixAsync<HttpClientCallWithoutBoundAnalyzer, PassCancellationTokenCodeFix>(
            """
            using System.Net.Http;
            using System.Threading;
            using System.Threading.Tasks;

            class Quotes
            {
                private readonly HttpClient http = new();

                async Task<int> SizeAsync()
                {
                    var quotes = await http.{|GR2005:GetStringAsync|}("/quotes");
                    var logo = await http.{|GR2005:GetByteArrayAsync|}("/logo");
                    return quotes.Length + logo.Length;
                }
            }
            """,
            """
            using System.Net.Http;
            using System.Threading;
            using System.Threading.Tasks;

            class Quotes
            {
                private static readonly System.TimeSpan WaitTimeout = System.TimeSpan.FromSeconds(30);

                private readonly HttpClient http = new();

                async Task<int> SizeAsync()
                {
                    using var timeout = new CancellationTokenSource(WaitTimeout);
                    var quotes = await http.GetStringAsync("/quotes", timeout.Token);
                    var logo = await http.GetByteArrayAsync("/logo", timeout.Token);
                    return quotes.Length + logo.Length;
                }
            }
            """);

    [Test]
    public Task Fix_all_declares_one_field_per_type_and_one_source_per_call_across_documents()
        => TimeoutsVerifier.VerifyFixAllAsync<HttpClientCallWithoutBoundAnalyzer, PassCancellationTokenCodeFix>(
            [
                """
                using System.Net.Http;
                using System.Threading;
                using System.Threading.Tasks;

                class Quotes
                {
                    private readonly HttpClient http = new();

                    async Task<int> QuotesAsync()
                    {
                        var quotes = await http.{|GR2005:GetStringAsync|}("/quotes");
                        return quotes.Length;
                    }

                    async Task<int> LogoAsync()
                    {
                        var logo = await http.{|GR2005:GetByteArrayAsync|}("/logo");
                        return logo.Length;
                    }
                }
                """,
                """
                using System.Net.Sockets;
                using System.Threading;
                using System.Threading.Tasks;

                class Orders
                {
                    private readonly HttpClient http = new();

                    async Task CancelAsync(string id) => await http.{|GR2005:DeleteAsync|}("/orders/" + id);
                }
                """.Replace("using System.Net.Sockets;", "using System.Net.Http;", System.StringComparison.Ordinal),
            ],
            [
                """
                using System.Net.Http;
                using System.Threading;
                using System.Threading.Tasks;

                class Quotes
                {
                    private static readonly System.TimeSpan WaitTimeout = System.TimeSpan.FromSeconds(30);

                    private readonly HttpClient http = new();

                    async Task<int> QuotesAsync()
                    {
                        using var timeout = new CancellationTokenSource(WaitTimeout);
                        var quotes = await http.GetStringAsync("/quotes", timeout.Token);
                        return quotes.Length;
                    }

                    async Task<int> LogoAsync()
                    {
                        using var timeout = new CancellationTokenSource(WaitTimeout);
                        var logo = await http.GetByteArrayAsync("/logo", timeout.Token);
                        return logo.Length;
                    }
                }
                """,
                """
                using System.Net.Http;
                using System.Threading;
                using System.Threading.Tasks;

                class Orders
                {
                    private static readonly System.TimeSpan WaitTimeout = System.TimeSpan.FromSeconds(30);

                    private readonly HttpClient http = new();

                    async Task CancelAsync(string id)
                    {
                        using var timeout = new CancellationTokenSource(WaitTimeout);
                        await http.DeleteAsync("/orders/" + id, timeout.Token);
                    }
                }
                """,
            ]);
}
