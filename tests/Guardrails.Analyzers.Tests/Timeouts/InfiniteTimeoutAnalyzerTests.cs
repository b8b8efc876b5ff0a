using System.Threading.Tasks;
using Guardrails.Analyzers.Tests.Infrastructure;
using Guardrails.Analyzers.Timeouts;

namespace Guardrails.Analyzers.Tests.Timeouts;

public sealed class InfiniteTimeoutAnalyzerTests
{
    private static Task VerifyAsync(string source, string? editorConfig = null)
        => AnalyzerVerifier<InfiniteTimeoutAnalyzer>.VerifyAsync(source, editorConfig);

    [Test]
    public Task Infinite_values_passed_as_a_timeout_are_reported()
        => VerifyAsync("""
            using System;
            using System.Diagnostics;
            using System.Threading;
            using System.Threading.Tasks;

            class Worker
            {
                void Run(ManualResetEvent signal, Task task, SemaphoreSlim gate, Process process)
                {
                    _ = signal.WaitOne({|GR2002:Timeout.Infinite|});
                    _ = signal.WaitOne({|GR2002:-1|});
                    _ = task.Wait({|GR2002:Timeout.InfiniteTimeSpan|});
                    _ = gate.Wait(millisecondsTimeout: {|GR2002:Timeout.Infinite|});
                    _ = gate.Wait({|GR2002:TimeSpan.MaxValue|});
                    _ = process.WaitForExit({|GR2002:-1|});
                }
            }
            """);

    [Test]
    public Task Infinite_delays_and_finite_timeouts_are_not_reported()
        => VerifyAsync("""
            using System;
            using System.Threading;
            using System.Threading.Tasks;

            class Worker
            {
                async Task RunAsync(ManualResetEvent signal, CancellationToken stopping)
                {
                    _ = signal.WaitOne(TimeSpan.FromSeconds(5));
                    _ = signal.WaitOne(0);
                    await Task.Delay(Timeout.Infinite, stopping);
                    using var cts = new CancellationTokenSource(Timeout.InfiniteTimeSpan);
                }
            }
            """);

    [Test]
    public Task Timeout_properties_set_to_infinite_are_reported()
        => VerifyAsync("""
            using System;
            using System.Data.Common;
            using System.IO;
            using System.Net.Http;
            using System.Net.Sockets;
            using System.Threading;

            class Setup
            {
                void Configure(DbCommand command, Stream stream, Socket socket, TcpClient client)
                {
                    var http = new HttpClient { Timeout = {|GR2002:Timeout.InfiniteTimeSpan|} };
                    http.Timeout = {|GR2002:TimeSpan.MaxValue|};
                    command.CommandTimeout = {|GR2002:0|};
                    stream.ReadTimeout = {|GR2002:Timeout.Infinite|};
                    stream.WriteTimeout = {|GR2002:-1|};
                    socket.ReceiveTimeout = {|GR2002:0|};
                    client.SendTimeout = {|GR2002:-1|};
                }
            }
            """);

    [Test]
    public Task Finite_timeout_properties_and_zero_where_zero_is_not_infinite_are_not_reported()
        => VerifyAsync("""
            using System;
            using System.Data.Common;
            using System.IO;
            using System.Net.Http;

            class Setup
            {
                void Configure(DbCommand command, Stream stream)
                {
                    var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
                    command.CommandTimeout = 30;
                    stream.ReadTimeout = 0;
                }
            }
            """);

    [Test]
    public Task An_infinite_HttpClient_timeout_is_accepted_when_a_resilience_handler_owns_the_timeouts()
        => VerifyAsync("""
            using System.Threading;
            using Microsoft.Extensions.DependencyInjection;

            class Startup
            {
                void Configure(object services)
                {
                    services.AddHttpClient("payments", client => client.Timeout = Timeout.InfiniteTimeSpan)
                        .AddStandardResilienceHandler();
                }
            }
            """);

    [Test]
    public Task An_infinite_HttpClient_timeout_without_a_resilience_handler_is_reported()
        => VerifyAsync("""
            using System.Threading;
            using Microsoft.Extensions.DependencyInjection;

            class Startup
            {
                void Configure(object services)
                {
                    services.AddHttpClient("payments", client => client.Timeout = {|GR2002:Timeout.InfiniteTimeSpan|});
                }
            }
            """);

    [Test]
    public Task HttpWebRequest_timeouts_set_to_infinite_are_reported()
        => VerifyAsync("""
            #pragma warning disable SYSLIB0014
            using System.Net;
            using System.Threading;

            class LegacyUpload
            {
                HttpWebRequest Create(string url)
                {
                    var request = (HttpWebRequest)WebRequest.Create(url);
                    request.Timeout = {|GR2002:Timeout.Infinite|};
                    request.ReadWriteTimeout = {|GR2002:-1|};
                    return request;
                }

                HttpWebRequest Bounded(string url)
                {
                    var request = (HttpWebRequest)WebRequest.Create(url);
                    request.Timeout = 30_000;
                    request.ReadWriteTimeout = 300_000;
                    return request;
                }
            }
            """);

    [Test]
    public Task An_infinite_HttpClient_timeout_in_a_type_that_bounds_each_request_itself_is_not_reported()
        => VerifyAsync("""
            using System;
            using System.Net.Http;
            using System.Threading;
            using System.Threading.Tasks;

            sealed class RegistryClient
            {
                private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(10);

                // Each request gets its own timeout below; the client's would only fire on long downloads.
                private readonly HttpClient _http = new() { Timeout = Timeout.InfiniteTimeSpan };

                public async Task<string> GetManifestAsync(string name, CancellationToken cancellationToken)
                {
                    using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                    timeout.CancelAfter(RequestTimeout);
                    return await _http.GetStringAsync("/v2/" + name + "/manifests/latest", timeout.Token);
                }
            }

            sealed class TimeoutHandler : DelegatingHandler
            {
                public TimeoutHandler(HttpMessageHandler inner) : base(inner) { }
            }

            sealed class Downloads
            {
                private readonly HttpClient _http = new(new TimeoutHandler(new HttpClientHandler())) { Timeout = Timeout.InfiniteTimeSpan };
            }
            """);

    [Test]
    public Task A_token_source_made_with_a_timeout_for_something_else_does_not_excuse_an_infinite_client()
        => VerifyAsync("""
            using System;
            using System.Net.Http;
            using System.Net.Sockets;
            using System.Threading;
            using System.Threading.Tasks;

            sealed class Worker
            {
                private readonly HttpClient _http = new() { Timeout = {|GR2002:Timeout.InfiniteTimeSpan|} };

                public async Task ConnectAsync(TcpClient client)
                {
                    using var connectTimeout = new CancellationTokenSource(TimeSpan.FromSeconds(3));
                    await client.ConnectAsync("db.internal", 5432, connectTimeout.Token);
                }
            }
            """);

    [Test]
    public Task An_infinite_HttpClient_timeout_in_a_type_that_runs_its_requests_through_a_timeout_helper_is_not_reported()
        => VerifyAsync("""
            using System;
            using System.Net.Http;
            using System.Threading;
            using System.Threading.Tasks;

            static class Utility
            {
                public static async Task<T> WithTimeout<T>(TimeSpan timeout, CancellationToken token, Func<CancellationToken, Task<T>> work)
                {
                    using var linked = CancellationTokenSource.CreateLinkedTokenSource(token);
                    linked.CancelAfter(timeout);
                    return await work(linked.Token);
                }
            }

            sealed class Timeouts
            {
                public TimeSpan ShortTimeout { get; } = TimeSpan.FromSeconds(30);
            }

            sealed class StorageBackend
            {
                private readonly Timeouts _timeouts = new();
                private readonly HttpClient _httpClient;

                public StorageBackend(HttpMessageHandler handler)
                {
                    _httpClient = new HttpClient(handler);
                    // Every request below runs under the backend's own timeouts.
                    _httpClient.Timeout = Timeout.InfiniteTimeSpan;
                }

                public async Task DeleteAsync(string name, CancellationToken cancelToken)
                {
                    using var response = await Utility.WithTimeout(_timeouts.ShortTimeout, cancelToken,
                        ct => _httpClient.SendAsync(new HttpRequestMessage(HttpMethod.Delete, name), ct));
                }
            }
            """);

    [Test]
    public Task An_infinite_HttpClient_timeout_in_a_type_whose_requests_pass_only_the_callers_token_is_reported()
        => VerifyAsync("""
            using System;
            using System.Net.Http;
            using System.Threading;
            using System.Threading.Tasks;

            sealed class StorageBackend
            {
                private static readonly TimeSpan ReadTimeout = TimeSpan.FromSeconds(30);
                private readonly HttpClient _httpClient = new();

                public StorageBackend()
                {
                    _httpClient.Timeout = {|GR2002:Timeout.InfiniteTimeSpan|};
                }

                public Task<HttpResponseMessage> DeleteAsync(string name, CancellationToken cancelToken)
                    => _httpClient.SendAsync(new HttpRequestMessage(HttpMethod.Delete, name), cancelToken);

                // A timeout beside a lambda that takes no token bounds nothing the lambda sends.
                public Task<string> ReadAsync(string name)
                    => Run(ReadTimeout, () => _httpClient.GetStringAsync(name));

                private static Task<string> Run(TimeSpan timeout, Func<Task<string>> work) => work();
            }
            """);

    [Test]
    public Task An_infinite_timeout_only_where_the_configured_timeout_is_zero_or_less_is_not_reported()
        => VerifyAsync("""
            using System;
            using System.Net.Sockets;
            using System.Threading;

            sealed class WriteBuffer
            {
                private readonly Socket _socket;

                public WriteBuffer(Socket socket) => _socket = socket;

                internal TimeSpan Timeout
                {
                    set
                    {
                        if (value > TimeSpan.Zero)
                        {
                            _socket.SendTimeout = (int)value.TotalMilliseconds;
                        }
                        else
                        {
                            _socket.SendTimeout = -1;
                        }
                    }
                }

                public bool WaitForReply(WaitHandle reply, int replyTimeoutMs)
                {
                    if (replyTimeoutMs <= 0)
                    {
                        return reply.WaitOne(System.Threading.Timeout.Infinite);
                    }

                    return reply.WaitOne(replyTimeoutMs);
                }
            }
            """);

    [Test]
    public Task An_infinite_timeout_in_a_branch_that_does_not_test_a_configured_timeout_is_reported()
        => VerifyAsync("""
            using System;
            using System.Net.Sockets;
            using System.Threading;

            sealed class WriteBuffer
            {
                private readonly Socket _socket;

                public WriteBuffer(Socket socket) => _socket = socket;

                internal TimeSpan Timeout
                {
                    set
                    {
                        // The infinite value sits in the branch of a positive timeout: not the user's "none".
                        if (value > TimeSpan.Zero)
                        {
                            _socket.SendTimeout = {|GR2002:-1|};
                        }
                    }
                }

                public void Send(int retries, WaitHandle reply)
                {
                    if (retries > 0)
                    {
                        _socket.ReceiveTimeout = 5_000;
                    }
                    else
                    {
                        _socket.ReceiveTimeout = {|GR2002:0|};
                        _ = reply.WaitOne({|GR2002:System.Threading.Timeout.Infinite|});
                    }
                }
            }
            """);

    [Test]
    public Task Each_infinite_argument_is_reported_once_and_the_same_words_in_comments_strings_and_other_numbers_are_not()
        => VerifyAsync("""
            using System;
            using System.Threading;

            class Worker
            {
                private const int InfiniteInfiniteTimeout = -1;

                void Copy(int readTimeout, int writeTimeout) { }

                void Run(ManualResetEvent signal)
                {
                    // wait -1, Timeout.Infinite or TimeSpan.MaxValue: words in a comment are not calls.
                    Console.WriteLine("signal.WaitOne(-1); Timeout.Infinite");
                    Copy({|GR2002:-1|}, {|GR2002:Timeout.Infinite|});
                    Copy(readTimeout: {|GR2002:InfiniteInfiniteTimeout|}, writeTimeout: -10);
                    _ = signal.WaitOne(-100);
                }
            }
            """);
}

