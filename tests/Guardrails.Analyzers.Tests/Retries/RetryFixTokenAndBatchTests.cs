using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Reflection;
using System.Threading.Tasks;
using Guardrails.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Polly.Timeout;
using Verify = Guardrails.Analyzers.Tests.Infrastructure.CodeFixVerifier<
    Guardrails.Analyzers.Retries.RetryLoopAnalyzer,
    Guardrails.Analyzers.CodeFixes.Retries.RetryLoopToPollyCodeFixProvider>;

namespace Guardrails.Analyzers.Tests.Retries;

/// <summary>
/// The retry fix hands the pipeline's token to the retried calls (so a timeout added later can cancel them),
/// fixes every loop of a document at once, and shares one static pipeline per type when asked to.
/// </summary>
[TestFixture]
public sealed class RetryFixTokenAndBatchTests
{
    private const string StockClient = """
        #nullable enable
        using System;
        using System.Net.Http;
        using System.Net.Http.Json;
        using System.Threading.Tasks;

        internal sealed record StockLevel(int Count);

        internal sealed class StockClient
        {
            private const int MaxAttempts = 3;
            private readonly HttpClient _http;

            public StockClient(HttpClient http) => _http = http;

            public async Task<StockLevel?> GetStockAsync(string url)
            {
                {|GR1001:for|} (var attempt = 1; attempt <= MaxAttempts; attempt++)
                {
                    try
                    {
                        return await _http.GetFromJsonAsync<StockLevel>(url);
                    }
                    catch (HttpRequestException) when (attempt < MaxAttempts)
                    {
                        await Task.Delay(TimeSpan.FromMilliseconds(200));
                    }
                }

                throw new InvalidOperationException("unreachable");
            }
        }
        """;

    private const string FixedStockClient = """
        #nullable enable
        using System;
        using System.Net.Http;
        using System.Net.Http.Json;
        using System.Threading.Tasks;
        using Polly;
        using Polly.Retry;

        internal sealed record StockLevel(int Count);

        internal sealed class StockClient
        {
            private const int MaxAttempts = 3;
            private readonly HttpClient _http;

            public StockClient(HttpClient http) => _http = http;

            public async Task<StockLevel?> GetStockAsync(string url)
            {
                var pipeline = new ResiliencePipelineBuilder()
                    .AddRetry(new RetryStrategyOptions
                    {
                        ShouldHandle = new PredicateBuilder().Handle<HttpRequestException>(),
                        MaxRetryAttempts = 2,
                        Delay = TimeSpan.FromMilliseconds(200),
                        BackoffType = DelayBackoffType.Constant,
                    })
                    .Build();
                return await pipeline.ExecuteAsync(async token => await _http.GetFromJsonAsync<StockLevel>(url, cancellationToken: token));
            }
        }
        """;

    [Test]
    public Task The_fix_passes_the_pipeline_token_to_an_extension_call_that_took_none() =>
        Verify.VerifyAsync(StockClient, FixedStockClient);

    [Test]
    public async Task The_fixed_code_with_a_timeout_added_gives_up_on_a_server_that_never_answers()
    {
        using var server = new SilentServer();
        var fixedWithTimeout = WithTimeout(FixedStockClient);

        var watch = Stopwatch.StartNew();
        var call = CallGetStockAsync(fixedWithTimeout, server.Url, out var client);
        using (client)
        {
            var finished = await Task.WhenAny(call, Task.Delay(TimeSpan.FromSeconds(20)));
            Assert.That(finished, Is.SameAs(call), "the fixed code was still waiting after 20 s");
            Assert.That(async () => await call, Throws.InstanceOf<TimeoutRejectedException>());
            Assert.That(watch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(10)), "the 1 s timeout should end the call long before HttpClient's own 30 s");
        }
    }

    [Test]
    public async Task Without_the_token_the_same_timeout_cannot_end_the_call()
    {
        // The control for the test above: the fix as it was (no token in the lambda) keeps waiting.
        using var server = new SilentServer();
        var tokenDropped = WithTimeout(FixedStockClient.Replace("url, cancellationToken: token", "url", StringComparison.Ordinal));

        var call = CallGetStockAsync(tokenDropped, server.Url, out var client);
        using (client)
        {
            var finished = await Task.WhenAny(call, Task.Delay(TimeSpan.FromSeconds(4)));
            Assert.That(finished, Is.Not.SameAs(call), "without the token the 1 s timeout cannot cancel the request");
            client.CancelPendingRequests();
            Assert.That(async () => await call, Throws.InstanceOf<Exception>());
        }
    }

    [Test]
    public Task A_synchronous_fix_takes_the_pipeline_token_when_a_call_can_use_it() => Verify.VerifyAsync("""
        using System;
        using System.IO;
        using System.Threading;

        interface IBlobStore
        {
            void Upload(string name, Stream content, CancellationToken cancellationToken = default);
        }

        class Backup
        {
            private readonly IBlobStore store;

            public Backup(IBlobStore store) => this.store = store;

            void Run(string name, Stream content, CancellationToken cancellationToken)
            {
                cancellationToken.ThrowIfCancellationRequested();
                {|GR1001:for|} (var attempt = 0; attempt < 3; attempt++)
                {
                    try
                    {
                        store.Upload(name, content);
                        break;
                    }
                    catch (IOException) when (attempt < 2)
                    {
                        Thread.Sleep(1000);
                    }
                }
            }
        }
        """, """
        using System;
        using System.IO;
        using System.Threading;
        using Polly;
        using Polly.Retry;

        interface IBlobStore
        {
            void Upload(string name, Stream content, CancellationToken cancellationToken = default);
        }

        class Backup
        {
            private readonly IBlobStore store;

            public Backup(IBlobStore store) => this.store = store;

            void Run(string name, Stream content, CancellationToken cancellationToken)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var pipeline = new ResiliencePipelineBuilder()
                    .AddRetry(new RetryStrategyOptions
                    {
                        ShouldHandle = new PredicateBuilder().Handle<IOException>(),
                        MaxRetryAttempts = 2,
                        Delay = TimeSpan.FromMilliseconds(1000),
                        BackoffType = DelayBackoffType.Constant,
                    })
                    .Build();
                pipeline.Execute(token =>
                {
                    store.Upload(name, content, cancellationToken: token);
                });
            }
        }
        """);

    [Test]
    public Task Fix_all_rewrites_two_loops_of_one_method_with_distinct_pipeline_names() => Verify.VerifyAsync("""
        using System;
        using System.IO;
        using System.Threading;

        class Mirror
        {
            void Copy(string from, string to)
            {
                {|GR1001:for|} (var attempt = 0; attempt < 3; attempt++)
                {
                    try
                    {
                        File.Copy(from, to, overwrite: true);
                        break;
                    }
                    catch (IOException) when (attempt < 2)
                    {
                        Thread.Sleep(100);
                    }
                }

                {|GR1001:for|} (var attempt = 0; attempt < 3; attempt++)
                {
                    try
                    {
                        File.Delete(from);
                        break;
                    }
                    catch (IOException) when (attempt < 2)
                    {
                        Thread.Sleep(100);
                    }
                }
            }
        }
        """, """
        using System;
        using System.IO;
        using System.Threading;
        using Polly;
        using Polly.Retry;

        class Mirror
        {
            void Copy(string from, string to)
            {
                var pipeline = new ResiliencePipelineBuilder()
                    .AddRetry(new RetryStrategyOptions
                    {
                        ShouldHandle = new PredicateBuilder().Handle<IOException>(),
                        MaxRetryAttempts = 2,
                        Delay = TimeSpan.FromMilliseconds(100),
                        BackoffType = DelayBackoffType.Constant,
                    })
                    .Build();
                pipeline.Execute(() =>
                {
                    File.Copy(from, to, overwrite: true);
                });

                var pipeline2 = new ResiliencePipelineBuilder()
                    .AddRetry(new RetryStrategyOptions
                    {
                        ShouldHandle = new PredicateBuilder().Handle<IOException>(),
                        MaxRetryAttempts = 2,
                        Delay = TimeSpan.FromMilliseconds(100),
                        BackoffType = DelayBackoffType.Constant,
                    })
                    .Build();
                pipeline2.Execute(() =>
                {
                    File.Delete(from);
                });
            }
        }
        """);

    [Test]
    public Task With_the_static_field_option_loops_of_a_type_share_one_static_readonly_pipeline() => Verify.VerifyAsync("""
        using System;
        using System.IO;
        using System.Threading;

        class Journal
        {
            void Append(string path, string line)
            {
                {|GR1001:for|} (var attempt = 0; attempt < 4; attempt++)
                {
                    try
                    {
                        File.AppendAllText(path, line);
                        break;
                    }
                    catch (IOException) when (attempt < 3)
                    {
                        Thread.Sleep(250);
                    }
                }
            }

            void Truncate(string path)
            {
                {|GR1001:for|} (var attempt = 0; attempt < 4; attempt++)
                {
                    try
                    {
                        File.WriteAllText(path, string.Empty);
                        break;
                    }
                    catch (IOException) when (attempt < 3)
                    {
                        Thread.Sleep(250);
                    }
                }
            }
        }
        """, """
        using System;
        using System.IO;
        using System.Threading;
        using Polly;
        using Polly.Retry;

        class Journal
        {
            private static readonly ResiliencePipeline RetryPipeline = new ResiliencePipelineBuilder()
                .AddRetry(new RetryStrategyOptions
                {
                    ShouldHandle = new PredicateBuilder().Handle<IOException>(),
                    MaxRetryAttempts = 3,
                    Delay = TimeSpan.FromMilliseconds(250),
                    BackoffType = DelayBackoffType.Constant,
                })
                .Build();

            void Append(string path, string line)
            {
                RetryPipeline.Execute(() =>
                {
                    File.AppendAllText(path, line);
                });
            }

            void Truncate(string path)
            {
                RetryPipeline.Execute(() =>
                {
                    File.WriteAllText(path, string.Empty);
                });
            }
        }
        """,
        editorConfig: "guardrails.retry.code_fix_pipeline = static_field");

    /// <summary>What GR2006's fix does next: a 1 s timeout inside the retry.</summary>
    private static string WithTimeout(string source)
    {
        Assert.That(source, Does.Contain(".Build();"), "the fixed code builds no pipeline");
        return source.Replace(".Build();", ".AddTimeout(TimeSpan.FromSeconds(1)).Build();", StringComparison.Ordinal);
    }

    private static Task CallGetStockAsync(string source, Uri server, out HttpClient client)
    {
        var compilation = CSharpCompilation.Create(
            "FixedStockClient" + Guid.NewGuid().ToString("N"),
            [CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.CSharp12))],
            [.. TestReferences.Net80, TestReferences.PollyCore],
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        using var image = new MemoryStream();
        var emitted = compilation.Emit(image);
        Assert.That(emitted.Success, Is.True, string.Join(Environment.NewLine, emitted.Diagnostics));

        var assembly = Assembly.Load(image.ToArray());
        client = new HttpClient { BaseAddress = server, Timeout = TimeSpan.FromSeconds(30) };
        var stockClient = Activator.CreateInstance(assembly.GetType("StockClient")!, client)!;
        var method = stockClient.GetType().GetMethod("GetStockAsync")!;
        return (Task)method.Invoke(stockClient, ["stock"])!;
    }

    /// <summary>A TCP server on 127.0.0.1 that accepts connections and never answers; it stops when disposed.</summary>
    private sealed class SilentServer : IDisposable
    {
        private readonly TcpListener listener = new(IPAddress.Loopback, 0);
        private readonly System.Collections.Concurrent.ConcurrentBag<Socket> accepted = [];

        public SilentServer()
        {
            listener.Start();
            _ = AcceptAsync();
        }

        public Uri Url => new($"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}/");

        public void Dispose()
        {
            listener.Stop();
            foreach (var socket in accepted)
            {
                socket.Dispose();
            }
        }

        private async Task AcceptAsync()
        {
            try
            {
                while (true)
                {
                    accepted.Add(await listener.AcceptSocketAsync());
                }
            }
            catch (Exception exception) when (exception is SocketException or ObjectDisposedException)
            {
                // Stopped: the test is over.
            }
        }
    }
}
