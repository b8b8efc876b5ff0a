using System.Threading.Tasks;
using Guardrails.Analyzers.CodeFixes.Timeouts;
using Guardrails.Analyzers.Tests.Infrastructure;
using Guardrails.Analyzers.Timeouts;

namespace Guardrails.Analyzers.Tests.Timeouts;

public sealed class PassCancellationTokenCodeFixTests
{
    [Test]
    public Task A_local_token_source_is_passed_to_a_wait()
        => CodeFixVerifier<UnboundedWaitAnalyzer, PassCancellationTokenCodeFix>.VerifyAsync(
            """
            using System;
            using System.Threading;

            class Worker
            {
                void Run(SemaphoreSlim gate)
                {
                    using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                    gate.{|GR2001:Wait|}(CancellationToken.None);
                    gate.Release();
                }
            }
            """,
            """
            using System;
            using System.Threading;

            class Worker
            {
                void Run(SemaphoreSlim gate)
                {
                    using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                    gate.Wait(timeout.Token);
                    gate.Release();
                }
            }
            """);

    [Test]
    public Task A_field_token_is_passed_to_an_HttpClient_request()
        => CodeFixVerifier<HttpClientCallWithoutBoundAnalyzer, PassCancellationTokenCodeFix>.VerifyAsync(
            """
            using System.Net.Http;
            using System.Threading;
            using System.Threading.Tasks;

            class Quotes
            {
                private readonly HttpClient http = new();
                private readonly CancellationTokenSource stopping = new();

                Task<string> LoadAsync() => http.{|GR2005:GetStringAsync|}("/quotes");
            }
            """,
            """
            using System.Net.Http;
            using System.Threading;
            using System.Threading.Tasks;

            class Quotes
            {
                private readonly HttpClient http = new();
                private readonly CancellationTokenSource stopping = new();

                Task<string> LoadAsync() => http.GetStringAsync("/quotes", stopping.Token);
            }
            """);

    [Test]
    public Task A_gRPC_call_gets_the_token_by_name()
        => CodeFixVerifier<GrpcCallWithoutDeadlineAnalyzer, PassCancellationTokenCodeFix>.VerifyAsync(
            """
            using System.Threading;

            class Caller
            {
                HelloReply Call(GreeterClient client, CancellationTokenSource requestAborted)
                    => client.{|GR2004:SayHello|}(new HelloRequest());
            }

            """ + GrpcCallWithoutDeadlineAnalyzerTests.GreeterClient,
            """
            using System.Threading;

            class Caller
            {
                HelloReply Call(GreeterClient client, CancellationTokenSource requestAborted)
                    => client.SayHello(new HelloRequest(), cancellationToken: requestAborted.Token);
            }

            """ + GrpcCallWithoutDeadlineAnalyzerTests.GreeterClient);

    [Test]
    public Task No_fix_when_no_token_is_in_scope_or_the_result_type_would_change()
        => CodeFixVerifier<UnboundedConnectAnalyzer, PassCancellationTokenCodeFix>.VerifyAsync(
            """
            using System.Net.Sockets;
            using System.Threading;
            using System.Threading.Tasks;

            class Client
            {
                private readonly CancellationTokenSource stopping = new();

                Task Open(TcpClient client) => client.{|GR2003:ConnectAsync|}("db.internal", 5432);

                static Task OpenStatic(TcpClient client) => client.{|GR2003:ConnectAsync|}("db.internal", 5432);
            }
            """,
            """
            using System.Net.Sockets;
            using System.Threading;
            using System.Threading.Tasks;

            class Client
            {
                private readonly CancellationTokenSource stopping = new();

                Task Open(TcpClient client) => client.{|GR2003:ConnectAsync|}("db.internal", 5432);

                static Task OpenStatic(TcpClient client) => client.{|GR2003:ConnectAsync|}("db.internal", 5432);
            }
            """);

    [Test]
    public Task An_awaited_connect_takes_the_token_even_though_its_overload_returns_ValueTask()
        => CodeFixVerifier<UnboundedConnectAnalyzer, PassCancellationTokenCodeFix>.VerifyAsync(
            """
            using System;
            using System.Net.Sockets;
            using System.Threading;
            using System.Threading.Tasks;

            class Client
            {
                async Task OpenAsync(TcpClient client)
                {
                    using var connectTimeout = new CancellationTokenSource(TimeSpan.FromSeconds(3));
                    await client.{|GR2003:ConnectAsync|}("db.internal", 5432);
                }
            }
            """,
            """
            using System;
            using System.Net.Sockets;
            using System.Threading;
            using System.Threading.Tasks;

            class Client
            {
                async Task OpenAsync(TcpClient client)
                {
                    using var connectTimeout = new CancellationTokenSource(TimeSpan.FromSeconds(3));
                    await client.ConnectAsync("db.internal", 5432, connectTimeout.Token);
                }
            }
            """);

    [Test]
    public Task Fix_all_passes_the_token_to_every_request_across_documents()
        => CodeFixVerifier<HttpClientCallWithoutBoundAnalyzer, PassCancellationTokenCodeFix>.VerifyFixAllAsync(
            [
                """
                using System.Net.Http;
                using System.Threading;
                using System.Threading.Tasks;

                class Quotes
                {
                    private readonly HttpClient http = new();
                    private readonly CancellationTokenSource stopping = new();

                    Task<string> LoadAsync() => http.{|GR2005:GetStringAsync|}("/quotes");

                    Task<byte[]> LogoAsync() => http.{|GR2005:GetByteArrayAsync|}("/logo");
                }
                """,
                """
                using System.Net.Http;
                using System.Threading;
                using System.Threading.Tasks;

                class Orders
                {
                    private readonly HttpClient http = new();
                    private readonly CancellationTokenSource stopping = new();

                    Task<HttpResponseMessage> CancelAsync(string id) => http.{|GR2005:DeleteAsync|}("/orders/" + id);
                }
                """,
            ],
            [
                """
                using System.Net.Http;
                using System.Threading;
                using System.Threading.Tasks;

                class Quotes
                {
                    private readonly HttpClient http = new();
                    private readonly CancellationTokenSource stopping = new();

                    Task<string> LoadAsync() => http.GetStringAsync("/quotes", stopping.Token);

                    Task<byte[]> LogoAsync() => http.GetByteArrayAsync("/logo", stopping.Token);
                }
                """,
                """
                using System.Net.Http;
                using System.Threading;
                using System.Threading.Tasks;

                class Orders
                {
                    private readonly HttpClient http = new();
                    private readonly CancellationTokenSource stopping = new();

                    Task<HttpResponseMessage> CancelAsync(string id) => http.DeleteAsync("/orders/" + id, stopping.Token);
                }
                """,
            ]);
}
