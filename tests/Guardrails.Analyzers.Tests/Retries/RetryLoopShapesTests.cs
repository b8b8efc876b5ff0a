using System.Threading.Tasks;
using Verify = Guardrails.Analyzers.Tests.Infrastructure.AnalyzerVerifier<Guardrails.Analyzers.Retries.RetryLoopAnalyzer>;

namespace Guardrails.Analyzers.Tests.Retries;

/// <summary>
/// Retry loops as public repositories write them (flag or counter folded into the condition, exception filters,
/// status-code retries with hand-rolled backoff, retrying DelegatingHandlers) and the loops that only look like
/// them (deadline polling, per-item catch-and-continue, consumers, paging, failover, retry engines).
/// </summary>
[TestFixture]
public sealed class RetryLoopShapesTests
{
    private const string Usings = """
        using System;
        using System.Collections.Generic;
        using System.Diagnostics;
        using System.IO;
        using System.Net;
        using System.Net.Http;
        using System.Net.Http.Json;
        using System.Net.Sockets;
        using System.Threading;
        using System.Threading.Channels;
        using System.Threading.Tasks;

        """;

    private const string HttpAdvice = " or, for HttpClient, AddStandardResilienceHandler() from Microsoft.Extensions.Http.Resilience";

    [Test]
    public Task A_while_not_done_loop_with_a_filtered_catch_and_a_sleep_is_a_retry_loop() => Verify.VerifyAsync(Usings + """
        class Uploader
        {
            void Upload(string path, byte[] data)
            {
                var done = false;
                {|#0:while|} (!done)
                {
                    try
                    {
                        File.WriteAllBytes(path, data);
                        done = true;
                    }
                    catch (IOException ex) when (ex.HResult == 32)
                    {
                        Thread.Sleep(250);
                    }
                }
            }
        }
        """,
        Verify.Diagnostic("GR1001").WithLocation(0).WithArguments("catching IOException", "no attempt limit, fixed delay 250", ""));

    [Test]
    public Task A_flag_and_a_counter_decremented_in_the_condition_bound_the_retry() => Verify.VerifyAsync(Usings + """
        class Sender
        {
            private readonly Socket _socket = new(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);

            void Send(byte[] frame)
            {
                var ok = false;
                var tries = 5;
                {|#0:while|} (!ok && tries-- > 0)
                {
                    try
                    {
                        _socket.Send(frame);
                        ok = true;
                    }
                    catch (SocketException)
                    {
                        Thread.Sleep(100 * (5 - tries));
                    }
                }
            }
        }
        """,
        Verify.Diagnostic("GR1001").WithLocation(0).WithArguments("catching SocketException", "attempts limited by 'tries-- > 0', linear backoff 100 * (5 - tries)", ""));

    [Test]
    public Task A_do_while_counting_the_attempts_left_in_its_condition_is_a_retry_loop() => Verify.VerifyAsync(Usings + """
        static class RetryUtility
        {
            public static void RetryAction(Action action, int numRetries, int retryTimeout)
            {
                {|#0:do|}
                {
                    try
                    {
                        action();
                        return;
                    }
                    catch
                    {
                        if (numRetries <= 0) throw;
                        else Thread.Sleep(retryTimeout);
                    }
                }
                while (numRetries-- > 0);
            }
        }
        """,
        Verify.Diagnostic("GR1001").WithLocation(0).WithArguments("catching any exception", "attempts limited by 'numRetries-- > 0', fixed delay retryTimeout", ""));

    [Test]
    public Task A_catch_that_says_continue_before_the_exit_on_success_is_a_tight_retry() => Verify.VerifyAsync(Usings + """
        class Reader
        {
            string ReadConfig(string path)
            {
                var attempts = 0;
                {|#0:while|} (attempts++ < 3)
                {
                    string text;
                    try
                    {
                        text = File.ReadAllText(path);
                    }
                    catch (IOException)
                    {
                        continue;
                    }

                    return text;
                }

                throw new IOException("config is locked");
            }
        }
        """,
        Verify.Diagnostic("GR1002").WithLocation(0).WithArguments("catching IOException", "attempts limited by 'attempts++ < 3', no delay between attempts", ""));

    [Test]
    public Task A_status_code_retry_honouring_429_with_exponential_backoff_is_a_retry_on_a_failed_result() => Verify.VerifyAsync(Usings + """
        class RateLimitedClient
        {
            private readonly HttpClient _http = new();

            async Task<HttpResponseMessage> GetAsync(string url, CancellationToken cancellationToken)
            {
                for (var attempt = 0; ; attempt++)
                {
                    var response = await _http.GetAsync(url, cancellationToken);
                    if (response.StatusCode == HttpStatusCode.TooManyRequests && attempt < 5)
                    {
                        var wait = response.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(Math.Pow(2, attempt));
                        await Task.Delay(wait, cancellationToken);
                        continue;
                    }

                    return response;
                }
            }
        }
        """.Replace("for (var attempt", "{|#0:for|} (var attempt"),
        Verify.Diagnostic("GR1003").WithLocation(0).WithArguments(
            "'GetAsync' answers status 429",
            "attempts limited by 'attempt < 5', exponential backoff wait, honouring the server's Retry-After",
            HttpAdvice));

    [Test]
    public Task A_5xx_check_with_a_shifted_backoff_is_a_retry_on_a_failed_result() => Verify.VerifyAsync(Usings + """
        class Gateway
        {
            private readonly HttpClient _http = new();

            async Task<string> FetchAsync(Uri uri)
            {
                var attempt = 0;
                {|#0:while|} (true)
                {
                    using var response = await _http.GetAsync(uri);
                    if ((int)response.StatusCode < 500 || attempt == 4)
                    {
                        return await response.Content.ReadAsStringAsync();
                    }

                    attempt++;
                    await Task.Delay(100 * (1 << attempt));
                }
            }
        }
        """,
        Verify.Diagnostic("GR1003").WithLocation(0).WithArguments(
            "'GetAsync' answers an unsuccessful status",
            "attempts limited by 'attempt == 4', exponential backoff 100 * (1 << attempt)",
            HttpAdvice));

    [Test]
    public Task A_result_object_with_an_error_flag_retried_in_a_do_while_is_a_retry_on_a_failed_result() => Verify.VerifyAsync(Usings + """
        sealed class SaveResult
        {
            public bool HasErrors { get; init; }
        }

        class Repository
        {
            SaveResult SaveChanges() => new();

            void Persist()
            {
                var attempt = 0;
                SaveResult result;
                {|#0:do|}
                {
                    result = SaveChanges();
                    if (result.HasErrors)
                    {
                        Thread.Sleep(TimeSpan.FromMilliseconds(200 * ++attempt));
                    }
                }
                while (result.HasErrors && attempt < 3);
            }
        }
        """,
        Verify.Diagnostic("GR1003").WithLocation(0).WithArguments(
            "'SaveChanges' reports failure (result.HasErrors)",
            "attempts limited by 'attempt < 3', linear backoff TimeSpan.FromMilliseconds(200 * ++attempt)",
            ""));

    [Test]
    public Task A_GetFromJsonAsync_retry_gets_the_http_resilience_advice() => Verify.VerifyAsync(Usings + """
        sealed record StockLevel(int Count);

        class Inventory
        {
            private const int MaxAttempts = 3;
            private readonly HttpClient _http = new();

            async Task<StockLevel?> GetStockAsync(string url)
            {
                {|#0:for|} (var attempt = 1; attempt <= MaxAttempts; attempt++)
                {
                    try
                    {
                        return await _http.GetFromJsonAsync<StockLevel>(url);
                    }
                    catch (HttpRequestException) when (attempt < MaxAttempts)
                    {
                        await Task.Delay(TimeSpan.FromSeconds(attempt));
                    }
                }

                return null;
            }
        }
        """,
        Verify.Diagnostic("GR1001").WithLocation(0).WithArguments(
            "catching HttpRequestException",
            "attempts limited by 'attempt <= MaxAttempts', linear backoff TimeSpan.FromSeconds(attempt)",
            HttpAdvice));

    [Test]
    public Task A_delegating_handler_that_sends_again_until_the_status_is_successful_is_told_to_use_the_resilience_handler() => Verify.VerifyAsync(Usings + """
        public class RetryHandler : DelegatingHandler
        {
            private const int MaxRetries = 3;

            public RetryHandler(HttpMessageHandler innerHandler) : base(innerHandler)
            {
            }

            protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
            {
                HttpResponseMessage response = null!;
                {|#0:for|} (var i = 0; i < MaxRetries; i++)
                {
                    response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
                    if (response.IsSuccessStatusCode)
                    {
                        return response;
                    }

                    await Task.Delay(TimeSpan.FromSeconds(1 << i), cancellationToken);
                }

                return response;
            }
        }
        """,
        Verify.Diagnostic("GR1003").WithLocation(0).WithArguments(
            "'SendAsync' answers an unsuccessful status code",
            "attempts limited by 'i < MaxRetries', exponential backoff TimeSpan.FromSeconds(1 << i)",
            " or replace this handler with AddStandardResilienceHandler() (or AddResilienceHandler(...)) from Microsoft.Extensions.Http.Resilience on the client's registration"));

    [Test]
    public Task A_wait_computed_by_a_helper_from_the_attempt_count_is_described_by_the_helpers_growth() => Verify.VerifyAsync(Usings + """
        public sealed class RetryDelegatingHandler : DelegatingHandler
        {
            private const int MaximumNumberOfRetries = 5;
            private readonly TimeSpan deltaBackOff = TimeSpan.FromSeconds(1);

            protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
            {
                HttpResponseMessage responseMessage = null!;
                var numberOfAttempts = 0;
                var sent = false;
                {|#0:while|} (!sent)
                {
                    var waitFor = GetNextWaitInterval(numberOfAttempts);
                    try
                    {
                        responseMessage = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
                        sent = true;
                    }
                    catch (HttpRequestException)
                    {
                        numberOfAttempts++;
                        if (numberOfAttempts > MaximumNumberOfRetries)
                        {
                            throw;
                        }

                        await Task.Delay(waitFor).ConfigureAwait(false);
                    }
                }

                return responseMessage;
            }

            private TimeSpan GetNextWaitInterval(int numberOfAttempts)
            {
                var random = new Random();
                var delta = (int)((Math.Pow(2.0, numberOfAttempts) - 1.0) * random.Next(800, 1200));
                return TimeSpan.FromMilliseconds(Math.Min(deltaBackOff.TotalMilliseconds + delta, 10000));
            }
        }
        """,
        Verify.Diagnostic("GR1001").WithLocation(0).WithArguments(
            "catching HttpRequestException",
            "attempts limited by 'numberOfAttempts > MaximumNumberOfRetries', exponential backoff waitFor with random jitter",
            " or replace this handler with AddStandardResilienceHandler() (or AddResilienceHandler(...)) from Microsoft.Extensions.Http.Resilience on the client's registration"));

    [Test]
    public Task A_delegating_handler_that_retries_without_waiting_is_a_tight_retry() => Verify.VerifyAsync(Usings + """
        public class RetryMessageHandler : DelegatingHandler
        {
            private readonly int _retryCount = 3;

            protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
            {
                HttpResponseMessage response = null!;
                {|#0:for|} (var i = 0; i <= _retryCount; i++)
                {
                    response = await base.SendAsync(request, cancellationToken);
                    if (response.IsSuccessStatusCode)
                    {
                        return response;
                    }

                    response.Dispose();
                }

                return response;
            }
        }
        """,
        Verify.Diagnostic("GR1002").WithLocation(0));

    [Test]
    public Task Waiting_for_a_service_until_a_deadline_is_polling_not_a_retry() => Verify.VerifyAsync(Usings + """
        class Startup
        {
            private readonly HttpClient _http = new();

            async Task<bool> WaitForHealthyAsync(Uri health, TimeSpan timeout)
            {
                var deadline = DateTime.UtcNow + timeout;
                while (DateTime.UtcNow < deadline)
                {
                    try
                    {
                        using var response = await _http.GetAsync(health);
                        if (response.IsSuccessStatusCode)
                        {
                            return true;
                        }
                    }
                    catch (HttpRequestException)
                    {
                    }

                    await Task.Delay(500);
                }

                return false;
            }

            bool WaitForPort(string host, int port)
            {
                var watch = Stopwatch.StartNew();
                while (true)
                {
                    try
                    {
                        using var client = new TcpClient(host, port);
                        return true;
                    }
                    catch (SocketException) when (watch.Elapsed < TimeSpan.FromSeconds(30))
                    {
                        Thread.Sleep(200);
                    }
                }
            }
        }
        """);

    [Test]
    public Task Polling_until_a_token_with_CancelAfter_fires_is_not_a_retry() => Verify.VerifyAsync(Usings + """
        class JobWatcher
        {
            private readonly HttpClient _http = new();

            async Task<string?> WaitForResultAsync(string url)
            {
                using var cts = new CancellationTokenSource();
                cts.CancelAfter(TimeSpan.FromMinutes(2));
                while (!cts.IsCancellationRequested)
                {
                    try
                    {
                        return await _http.GetStringAsync(url, cts.Token);
                    }
                    catch (HttpRequestException)
                    {
                        await Task.Delay(1000);
                    }
                }

                return null;
            }
        }
        """);

    [Test]
    public Task Per_item_catch_and_continue_a_consumer_and_paging_are_not_retries() => Verify.VerifyAsync(Usings + """
        sealed record Page(List<string> Items, string? Next);

        class Importer
        {
            private readonly HttpClient _http = new();

            void ImportAll(IReadOnlyList<string> files)
            {
                for (var i = 0; i < files.Count; i++)
                {
                    try
                    {
                        File.Copy(files[i], files[i] + ".bak");
                    }
                    catch (IOException)
                    {
                        Thread.Sleep(10);
                        continue;
                    }
                }
            }

            async Task ConsumeAsync(ChannelReader<string> reader, CancellationToken stoppingToken)
            {
                while (!stoppingToken.IsCancellationRequested)
                {
                    try
                    {
                        var message = await reader.ReadAsync(stoppingToken);
                        await File.AppendAllTextAsync("log.txt", message, stoppingToken);
                    }
                    catch (IOException)
                    {
                        await Task.Delay(1000, stoppingToken);
                    }
                }
            }

            async Task<List<string>> ReadAllPagesAsync(string first)
            {
                var items = new List<string>();
                string? next = first;
                while (next != null)
                {
                    var page = await _http.GetFromJsonAsync<Page>(next);
                    if (page is null)
                    {
                        break;
                    }

                    items.AddRange(page.Items);
                    next = page.Next;
                }

                return items;
            }
        }
        """);

    [Test]
    public Task Failing_over_to_the_next_endpoint_is_not_a_retry() => Verify.VerifyAsync(Usings + """
        class Failover
        {
            private readonly HttpClient _http = new();
            private readonly string[] _endpoints = ["https://a.example", "https://b.example"];

            async Task<string> GetAsync(string path)
            {
                for (var attempt = 0; attempt < 4; attempt++)
                {
                    var endpoint = _endpoints[attempt % _endpoints.Length];
                    try
                    {
                        return await _http.GetStringAsync(endpoint + path);
                    }
                    catch (HttpRequestException)
                    {
                        await Task.Delay(100);
                    }
                }

                throw new InvalidOperationException("no endpoint answered");
            }
        }
        """);

    private const string ExecutionStrategy = """
        public abstract class ExecutionStrategyBase
        {
            private int _retries;

            protected abstract bool ShouldRetryOn(Exception exception);

            protected virtual TimeSpan? GetNextDelay(Exception exception) => _retries++ < 5 ? TimeSpan.FromSeconds(1 << _retries) : null;

            public TResult Execute<TResult>(Func<TResult> operation)
            {
                {|#0:while|} (true)
                {
                    try
                    {
                        return operation();
                    }
                    catch (Exception ex)
                    {
                        if (!ShouldRetryOn(ex))
                        {
                            throw;
                        }

                        var delay = GetNextDelay(ex);
                        if (delay == null)
                        {
                            throw new InvalidOperationException("retry limit exceeded", ex);
                        }

                        Thread.Sleep(delay.Value);
                    }
                }
            }
        }

        public interface IRetryPolicy
        {
            bool ShouldRetry(int attempt, Exception error, out TimeSpan delay);
        }

        public sealed class PolicyRunner
        {
            private readonly IRetryPolicy _policy;

            public PolicyRunner(IRetryPolicy policy) => _policy = policy;

            public async Task RunAsync(Func<Task> action, CancellationToken cancellationToken)
            {
                {|#1:for|} (var attempt = 1; ; attempt++)
                {
                    try
                    {
                        await action();
                        return;
                    }
                    catch (IOException ex)
                    {
                        if (!_policy.ShouldRetry(attempt, ex, out var delay))
                        {
                            throw;
                        }

                        await Task.Delay(delay, cancellationToken);
                    }
                }
            }
        }
        """;

    [Test]
    public Task Retry_engines_that_ask_a_policy_whether_and_how_long_are_not_told_to_use_Polly() =>
        Verify.VerifyAsync(Usings + ExecutionStrategy.Replace("{|#0:while|}", "while").Replace("{|#1:for|}", "for"));

    [Test]
    public Task Retry_engines_are_reported_when_the_option_is_off() => Verify.VerifyAsync(
        Usings + ExecutionStrategy,
        "guardrails.retry.recognize_retry_engines = false",
        Verify.Diagnostic("GR1001").WithLocation(0),
        Verify.Diagnostic("GR1001").WithLocation(1));

    [Test]
    public Task A_transient_check_of_its_own_is_not_a_retry_engine() => Verify.VerifyAsync(Usings + """
        class Store
        {
            static bool IsTransient(IOException ex) => ex.HResult == 32;

            void Save(string path)
            {
                {|#0:for|} (var attempt = 0; attempt < 3; attempt++)
                {
                    try
                    {
                        File.WriteAllText(path, "x");
                        break;
                    }
                    catch (IOException ex) when (IsTransient(ex))
                    {
                        Thread.Sleep(200);
                    }
                }
            }
        }
        """,
        Verify.Diagnostic("GR1001").WithLocation(0));
}
