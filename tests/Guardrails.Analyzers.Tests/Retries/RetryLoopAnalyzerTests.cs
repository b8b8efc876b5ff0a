using System.Threading.Tasks;
using Guardrails.Analyzers.Retries;
using Guardrails.Analyzers.Tests.Infrastructure;
using Verify = Guardrails.Analyzers.Tests.Infrastructure.AnalyzerVerifier<Guardrails.Analyzers.Retries.RetryLoopAnalyzer>;

namespace Guardrails.Analyzers.Tests.Retries;

[TestFixture]
public sealed class RetryLoopAnalyzerTests
{
    private const string Usings = """
        using System;
        using System.Collections.Generic;
        using System.IO;
        using System.Net.Http;
        using System.Threading;
        using System.Threading.Tasks;

        """;

    [Test]
    public Task A_for_loop_with_a_catch_and_a_fixed_sleep_is_a_retry_loop() => Verify.VerifyAsync(Usings + """
        class C
        {
            void Save(string path)
            {
                {|#0:for|} (int attempt = 0; attempt < 3; attempt++)
                {
                    try
                    {
                        File.WriteAllText(path, "x");
                        break;
                    }
                    catch (IOException)
                    {
                        Thread.Sleep(500);
                    }
                }
            }
        }
        """,
        Verify.Diagnostic("GR1001").WithLocation(0).WithArguments("catching IOException", "attempts limited by 'attempt < 3', fixed delay 500", ""));

    [Test]
    public Task An_async_http_retry_with_exponential_backoff_and_jitter_names_the_backoff_and_the_http_resilience_handler() => Verify.VerifyAsync(Usings + """
        class C
        {
            private readonly HttpClient _client = new();
            private readonly Random _random = new();

            async Task<string> GetAsync(string url, CancellationToken cancellationToken)
            {
                var delay = TimeSpan.FromMilliseconds(200);
                {|#0:for|} (var attempt = 1; attempt <= 5; attempt++)
                {
                    try
                    {
                        return await _client.GetStringAsync(url, cancellationToken);
                    }
                    catch (HttpRequestException) when (attempt < 5)
                    {
                        await Task.Delay(delay + TimeSpan.FromMilliseconds(_random.Next(100)), cancellationToken);
                        delay *= 2;
                    }
                }

                throw new InvalidOperationException();
            }
        }
        """,
        Verify.Diagnostic("GR1001").WithLocation(0).WithArguments(
            "catching HttpRequestException",
            "attempts limited by 'attempt <= 5', exponential backoff delay + TimeSpan.FromMilliseconds(_random.Next(100)) with random jitter",
            " or, for HttpClient, AddStandardResilienceHandler() from Microsoft.Extensions.Http.Resilience"));

    [Test]
    public Task A_while_true_loop_with_a_counter_in_the_catch_and_math_pow_backoff_is_a_retry_loop() => Verify.VerifyAsync(Usings + """
        class C
        {
            void Connect()
            {
                var attempts = 0;
                {|#0:while|} (true)
                {
                    try
                    {
                        Open();
                        return;
                    }
                    catch (IOException)
                    {
                        if (++attempts >= 4)
                        {
                            throw;
                        }

                        Thread.Sleep((int)Math.Pow(2, attempts) * 100);
                    }
                }
            }

            void Open() { }
        }
        """,
        Verify.Diagnostic("GR1001").WithLocation(0).WithArguments("catching IOException", "attempts limited by '++attempts >= 4', exponential backoff (int)Math.Pow(2, attempts) * 100", ""));

    [Test]
    public Task A_do_while_loop_with_a_success_flag_and_linear_backoff_is_a_retry_loop() => Verify.VerifyAsync(Usings + """
        class C
        {
            void Send()
            {
                var sent = false;
                var attempt = 0;
                {|#0:do|}
                {
                    try
                    {
                        Deliver();
                        sent = true;
                    }
                    catch (Exception)
                    {
                        attempt++;
                        Thread.Sleep(250 * attempt);
                    }
                }
                while (!sent && attempt < 3);
            }

            void Deliver() { }
        }
        """,
        Verify.Diagnostic("GR1001").WithLocation(0).WithArguments("catching any exception", "attempts limited by 'attempt < 3', linear backoff 250 * attempt", ""));

    [Test]
    public Task A_retry_without_any_delay_is_reported_as_a_tight_retry() => Verify.VerifyAsync(Usings + """
        class C
        {
            async Task SaveAsync(Func<Task> save)
            {
                {|#0:while|} (true)
                {
                    try
                    {
                        await save();
                        return;
                    }
                    catch (IOException)
                    {
                    }
                }
            }
        }
        """,
        Verify.Diagnostic("GR1002").WithLocation(0).WithArguments("catching IOException", "no attempt limit, no delay between attempts", ""));

    [Test]
    public Task A_catch_that_continues_explicitly_before_a_final_throw_is_a_retry() => Verify.VerifyAsync(Usings + """
        class C
        {
            int Read(Func<int> read)
            {
                for (var attempt = 0; ; attempt++)
                {
                    try
                    {
                        return read();
                    }
                    catch (TimeoutException)
                    {
                        if (attempt < 2)
                        {
                            Thread.Sleep(TimeSpan.FromSeconds(1));
                            continue;
                        }

                        throw;
                    }
                }
            }
        }
        """.Replace("for (var", "{|GR1001:for|} (var", System.StringComparison.Ordinal));

    [Test]
    public Task A_loop_that_sends_until_the_flag_says_it_worked_is_a_retry_on_a_failed_result() => Verify.VerifyAsync(Usings + """
        interface ILedger { bool TrySend(string entry); }

        class C
        {
            void Send(ILedger ledger, string entry)
            {
                var ok = false;
                var attempts = 0;
                {|#0:while|} (!ok && attempts < 4)
                {
                    ok = ledger.TrySend(entry);
                    attempts++;
                    Thread.Sleep(250);
                }
            }
        }
        """,
        Verify.Diagnostic("GR1003").WithLocation(0).WithArguments("'TrySend' returns false", "attempts limited by 'attempts < 4', fixed delay 250", ""));

    [Test]
    public Task Resending_while_the_http_status_is_not_successful_is_a_retry_on_a_failed_result() => Verify.VerifyAsync(Usings + """
        class C
        {
            async Task<HttpResponseMessage> PostAsync(HttpClient client, CancellationToken cancellationToken)
            {
                var attempt = 0;
                HttpResponseMessage response;
                {|#0:do|}
                {
                    response = await client.PostAsync("orders", new StringContent("x"), cancellationToken);
                    attempt++;
                    await Task.Delay(1000, cancellationToken);
                }
                while (!response.IsSuccessStatusCode && attempt < 3);

                return response;
            }
        }
        """,
        Verify.Diagnostic("GR1003").WithLocation(0).WithArguments(
            "'PostAsync' answers an unsuccessful status code",
            "attempts limited by 'attempt < 3', fixed delay 1000",
            " or, for HttpClient, AddStandardResilienceHandler() from Microsoft.Extensions.Http.Resilience"));

    [Test]
    public Task Breaking_out_when_the_http_call_succeeded_is_a_retry_on_a_failed_result() => Verify.VerifyAsync(Usings + """
        class C
        {
            async Task<string> GetAsync(HttpClient client)
            {
                {|GR1003:while|} (true)
                {
                    var response = await client.GetAsync("status");
                    if (response.IsSuccessStatusCode)
                    {
                        return await response.Content.ReadAsStringAsync();
                    }

                    await Task.Delay(TimeSpan.FromSeconds(2));
                }
            }
        }
        """);

    [Test]
    public Task A_result_retry_without_delay_is_a_tight_retry() => Verify.VerifyAsync(Usings + """
        interface IBus { bool TryPublish(string message); }

        class C
        {
            void Publish(IBus bus)
            {
                {|GR1002:while|} (!bus.TryPublish("hello"))
                {
                }
            }
        }
        """);

    [Test]
    public Task A_break_after_the_try_with_continue_in_the_catch_is_a_retry_loop() => Verify.VerifyAsync(Usings + """
        class C
        {
            void Open(Action connect)
            {
                {|GR1001:while|} (true)
                {
                    try
                    {
                        connect();
                    }
                    catch (IOException)
                    {
                        Thread.Sleep(1000);
                        continue;
                    }

                    break;
                }
            }
        }
        """);

    [Test]
    public Task A_success_flag_tested_after_the_try_is_a_retry_loop() => Verify.VerifyAsync(Usings + """
        class C
        {
            void Open(Action connect)
            {
                var attempts = 0;
                {|GR1001:while|} (attempts < 5)
                {
                    var connected = false;
                    try
                    {
                        connect();
                        connected = true;
                    }
                    catch (IOException)
                    {
                        attempts++;
                        Thread.Sleep(200);
                    }

                    if (connected)
                    {
                        break;
                    }
                }
            }
        }
        """);

    [Test]
    public Task A_result_object_that_reports_success_inside_a_try_is_a_retry_loop() => Verify.VerifyAsync(Usings + """
        sealed record PublishResult(bool Succeeded);
        interface IBroker { Task<PublishResult> PublishAsync(string message); }

        class C
        {
            async Task PublishAsync(IBroker broker, string message)
            {
                for (var attempt = 0; attempt < 3; attempt++)
                {
                    try
                    {
                        var result = await broker.PublishAsync(message);
                        if (result.Succeeded)
                        {
                            return;
                        }
                    }
                    catch (TimeoutException)
                    {
                    }

                    await Task.Delay(500);
                }
            }
        }
        """.Replace("for (var", "{|GR1001:for|} (var", System.StringComparison.Ordinal));

    [Test]
    public Task Resending_while_the_server_says_too_many_requests_is_a_retry_on_a_failed_result() => Verify.VerifyAsync(Usings + """
        class C
        {
            async Task<HttpResponseMessage> SendAsync(HttpClient client)
            {
                HttpResponseMessage response;
                {|GR1003:do|}
                {
                    response = await client.GetAsync("quota");
                    await Task.Delay(1000);
                }
                while (response.StatusCode == System.Net.HttpStatusCode.TooManyRequests);

                return response;
            }
        }
        """);

    [Test]
    public Task Reading_rows_until_one_parses_is_iterating_over_data_not_retrying() => Verify.VerifyAsync(Usings + """
        class C
        {
            int FirstValid(IEnumerator<string> rows)
            {
                while (rows.MoveNext())
                {
                    try
                    {
                        return Convert.ToInt32(rows.Current, System.Globalization.CultureInfo.InvariantCulture);
                    }
                    catch (InvalidCastException)
                    {
                    }
                }

                return -1;
            }
        }
        """);

    [Test]
    public Task A_worker_loop_that_stops_when_the_queue_is_empty_is_not_a_retry() => Verify.VerifyAsync(Usings + """
        class C
        {
            private readonly Queue<string> _queue = new();

            void Drain(TextWriter log)
            {
                while (true)
                {
                    try
                    {
                        if (_queue.Count == 0)
                        {
                            break;
                        }

                        log.WriteLine(_queue.Dequeue());
                    }
                    catch (IOException exception)
                    {
                        Console.WriteLine(exception.Message);
                    }
                }
            }
        }
        """);

    [Test]
    public Task A_home_made_retry_helper_with_a_doubling_backoff_factor_is_a_retry_loop() => Verify.VerifyAsync(Usings + """
        static class Retry
        {
            public static void Run(int times, TimeSpan delay, Action action)
            {
                var retries = 0;
                var backoff = 1;
                {|#0:do|}
                {
                    try
                    {
                        retries++;
                        action();
                        break;
                    }
                    catch
                    {
                        if (retries >= times)
                        {
                            throw;
                        }

                        Task.Delay(delay * backoff).Wait();
                        backoff += backoff;
                    }
                }
                while (true);
            }
        }
        """,
        Verify.Diagnostic("GR1001").WithLocation(0).WithArguments("catching any exception", "attempts limited by 'retries >= times', exponential backoff delay * backoff", ""));

    [Test]
    public Task A_helper_decrementing_its_retry_parameter_in_the_condition_is_a_retry_loop() => Verify.VerifyAsync(Usings + """
        static class RetryUtility
        {
            public static void RetryAction(Action action, int numRetries, int retryTimeout)
            {
                {|#0:do|}
                {
                    try { action(); return; }
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
    public Task A_delegate_named_as_an_action_is_retried_on_its_result_but_a_condition_delegate_is_polled() => Verify.VerifyAsync(Usings + """
        static class Loops
        {
            public static void Deliver(Func<bool> send)
            {
                {|GR1003:while|} (!send())
                {
                    Thread.Sleep(100);
                }
            }

            public static void WaitUntil(Func<bool> condition)
            {
                while (!condition())
                {
                    Thread.Sleep(100);
                }
            }
        }
        """);

    [Test]
    public Task Connecting_until_the_client_reports_it_is_connected_is_a_retry_loop() => Verify.VerifyAsync(Usings + """
        interface IClient { bool IsConnected { get; } Task ConnectAsync(CancellationToken cancellationToken); }

        class C
        {
            async Task EnsureConnectedAsync(IClient client, CancellationToken cancellationToken)
            {
                {|#0:while|} (!client.IsConnected)
                {
                    try
                    {
                        await client.ConnectAsync(cancellationToken);
                    }
                    catch (IOException)
                    {
                        await Task.Delay(1000, cancellationToken);
                    }
                }
            }
        }
        """,
        Verify.Diagnostic("GR1001").WithLocation(0).WithArguments("catching IOException", "no attempt limit, fixed delay 1000", ""));

    [Test]
    public Task Reading_until_the_end_of_a_stream_is_not_a_retry() => Verify.VerifyAsync(Usings + """
        class C
        {
            void Copy(StreamReader reader, TextWriter writer)
            {
                while (!reader.EndOfStream)
                {
                    try
                    {
                        writer.WriteLine(reader.ReadLine());
                    }
                    catch (IOException exception)
                    {
                        Console.WriteLine(exception.Message);
                    }
                }
            }
        }
        """);

    [Test]
    public Task Per_item_catch_and_log_over_a_collection_is_not_a_retry() => Verify.VerifyAsync(Usings + """
        class C
        {
            void ProcessAll(IReadOnlyList<string> items, TextWriter log)
            {
                foreach (var item in items)
                {
                    try { Process(item); }
                    catch (IOException exception) { log.WriteLine(exception.Message); }
                }

                for (var index = 0; index < items.Count; index++)
                {
                    try { Process(items[index]); }
                    catch (IOException exception) { log.WriteLine(exception.Message); Thread.Sleep(10); }
                }

                string? line;
                var reader = new StringReader("a\nb");
                while ((line = reader.ReadLine()) != null)
                {
                    try { Process(line); }
                    catch (IOException) { }
                }
            }

            void Process(string item) { }
        }
        """);

    [Test]
    public Task A_worker_loop_until_cancellation_is_not_a_retry() => Verify.VerifyAsync(Usings + """
        class Worker
        {
            private readonly Queue<string> _queue = new();

            async Task ExecuteAsync(CancellationToken stoppingToken)
            {
                while (!stoppingToken.IsCancellationRequested)
                {
                    try
                    {
                        if (_queue.TryDequeue(out var message))
                        {
                            await HandleAsync(message, stoppingToken);
                        }
                    }
                    catch (Exception)
                    {
                        await Task.Delay(TimeSpan.FromSeconds(5), stoppingToken);
                    }
                }
            }

            Task HandleAsync(string message, CancellationToken cancellationToken) => Task.CompletedTask;
        }
        """);

    [Test]
    public Task Polling_a_condition_until_a_deadline_is_not_a_retry() => Verify.VerifyAsync(Usings + """
        class C
        {
            bool WaitForFile(string path, TimeSpan timeout)
            {
                var deadline = DateTime.UtcNow + timeout;
                while (DateTime.UtcNow < deadline)
                {
                    if (File.Exists(path))
                    {
                        return true;
                    }

                    Thread.Sleep(100);
                }

                return false;
            }

            string Take(System.Collections.Concurrent.ConcurrentQueue<string> queue)
            {
                string? item;
                while (!queue.TryDequeue(out item))
                {
                    Thread.Sleep(10);
                }

                return item;
            }
        }
        """);

    [Test]
    public Task A_paging_loop_is_not_a_retry() => Verify.VerifyAsync(Usings + """
        class C
        {
            async Task<List<string>> ReadAllAsync(HttpClient client)
            {
                var pages = new List<string>();
                string? next = "orders?page=1";
                while (next is not null)
                {
                    var response = await client.GetAsync(next);
                    if (!response.IsSuccessStatusCode)
                    {
                        break;
                    }

                    var page = await response.Content.ReadAsStringAsync();
                    pages.Add(page);
                    next = page.Length > 10 ? null : "orders?page=2";
                }

                return pages;
            }
        }
        """);

    [Test]
    public Task Failing_over_to_the_next_host_or_port_is_not_running_the_same_operation_again() => Verify.VerifyAsync(Usings + """
        class C
        {
            void ConnectToAny(string[] hosts)
            {
                for (var index = 0; index < hosts.Length; index++)
                {
                    try
                    {
                        Connect(hosts[index]);
                        return;
                    }
                    catch (IOException)
                    {
                        Thread.Sleep(100);
                    }
                }
            }

            int Bind()
            {
                var port = 5000;
                while (true)
                {
                    try
                    {
                        Listen(port);
                        return port;
                    }
                    catch (IOException)
                    {
                        port++;
                    }
                }
            }

            void Connect(string host) { }
            void Listen(int port) { }
        }
        """);

    [Test]
    public Task Trying_each_candidate_until_one_is_accepted_is_not_a_retry() => Verify.VerifyAsync(Usings + """
        interface IStore { bool TrySave(string item); }

        class C
        {
            bool SaveFirst(IStore store, IReadOnlyList<string> candidates)
            {
                for (var index = 0; index < candidates.Count; index++)
                {
                    if (store.TrySave(candidates[index]))
                    {
                        return true;
                    }
                }

                return false;
            }
        }
        """);

    [Test]
    public Task Asking_the_user_again_after_bad_input_is_not_a_retry() => Verify.VerifyAsync(Usings + """
        class C
        {
            int ReadNumber()
            {
                while (true)
                {
                    try
                    {
                        return int.Parse(Console.ReadLine() ?? string.Empty);
                    }
                    catch (FormatException)
                    {
                        Console.WriteLine("Please type a number.");
                    }
                }
            }
        }
        """);

    [Test]
    public Task A_catch_that_always_leaves_the_loop_is_not_a_retry() => Verify.VerifyAsync(Usings + """
        class C
        {
            void Save(string path)
            {
                while (true)
                {
                    try
                    {
                        File.WriteAllText(path, "x");
                        break;
                    }
                    catch (IOException)
                    {
                        Console.WriteLine("failed");
                        throw;
                    }
                }
            }
        }
        """);

    [Test]
    public Task Generated_code_is_not_analysed() => Verify.VerifyAsync("""
        // <auto-generated/>
        using System.IO;
        using System.Threading;

        class Generated
        {
            void Save(string path)
            {
                while (true)
                {
                    try { File.WriteAllText(path, "x"); return; }
                    catch (IOException) { Thread.Sleep(100); }
                }
            }
        }
        """);

    private const string SanctionedHelper = """
        using System;
        using System.IO;
        using System.Threading;

        namespace MyCompany.Retry
        {
            public static class RetryHelper
            {
                public static void Run(Action action)
                {
                    for (var attempt = 0; attempt < 3; attempt++)
                    {
                        try { action(); return; }
                        catch (IOException) { Thread.Sleep(100); }
                    }
                }
            }
        }
        """;

    [Test]
    public Task A_team_sanctioned_retry_helper_named_in_editorconfig_is_not_reported() =>
        Verify.VerifyAsync(SanctionedHelper, editorConfig: RetryOptions.AllowedTypesKey + " = MyCompany.Retry.*");

    [Test]
    public Task A_sanctioned_list_that_names_other_types_still_reports_the_helper() =>
        Verify.VerifyAsync(
            SanctionedHelper.Replace("for (var", "{|GR1001:for|} (var", System.StringComparison.Ordinal),
            editorConfig: RetryOptions.AllowedTypesKey + " = MyCompany.Http.RetryingClient");
}
