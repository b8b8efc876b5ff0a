using System.Threading.Tasks;
using Verify = Guardrails.Analyzers.Tests.Infrastructure.AnalyzerVerifier<Guardrails.Analyzers.Retries.RetryLoopAnalyzer>;

namespace Guardrails.Analyzers.Tests.Retries;

/// <summary>
/// Retry loops modelled on sites of the labelled corpus (benchmarks/RealWorldCorpus) that the rules used to miss,
/// each beside the look-alike that marks where the new rule stops.
/// </summary>
[TestFixture]
public sealed class RealSiteRetryShapesTests
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
    public Task A_do_while_whose_wait_variable_is_set_by_the_catch_is_a_retry_loop() => Verify.VerifyAsync(Usings + """
        class JobFactory
        {
            TResult RetryOnException<TResult>(ref int attemptsLeft, Func<int, TResult> action)
            {
                var attempt = 0;
                var delay = TimeSpan.Zero;
                {|#0:do|}
                {
                    try
                    {
                        if (delay > TimeSpan.Zero)
                        {
                            Thread.Sleep(delay);
                        }

                        return action(attempt++);
                    }
                    catch (Exception ex) when (ex is not OutOfMemoryException)
                    {
                        delay = NextDelay(attempt);
                    }
                } while (attemptsLeft-- > 0);

                throw new InvalidOperationException("out of attempts");
            }

            static TimeSpan NextDelay(int attempt) => TimeSpan.FromMilliseconds(50 * attempt);
        }
        """,
        Verify.Diagnostic("GR1001").WithLocation(0).WithArguments("catching any exception", "attempts limited by 'attemptsLeft-- > 0', linear backoff delay", ""));

    [Test]
    public Task A_loop_waiting_for_its_result_to_be_set_by_the_try_is_a_retry_loop() => Verify.VerifyAsync(Usings + """
        class SettingsLoader
        {
            async Task<string> LoadAsync(string path)
            {
                string? loaded = null;
                var retryCount = 0;
                {|#0:while|} (loaded == null)
                {
                    try
                    {
                        loaded = await File.ReadAllTextAsync(path);
                    }
                    catch (IOException) when (retryCount < 5)
                    {
                        retryCount++;
                        await Task.Delay(100 * retryCount);
                    }
                }

                return loaded;
            }
        }
        """,
        Verify.Diagnostic("GR1001").WithLocation(0).WithArguments("catching IOException", "attempts limited by 'retryCount < 5', linear backoff 100 * retryCount", ""));

    [Test]
    public Task A_loop_over_candidate_files_until_one_loads_is_not_a_retry() => Verify.VerifyAsync(Usings + """
        class ConfigSearch
        {
            string? Find(string[] candidates)
            {
                string? config = null;
                for (var i = 0; i < candidates.Length && config == null; i++)
                {
                    try
                    {
                        config = File.ReadAllText(candidates[i]);
                    }
                    catch (IOException)
                    {
                        Thread.Sleep(10);
                    }
                }

                return config;
            }
        }
        """);

    [Test]
    public Task A_delete_retried_while_the_file_still_exists_is_a_retry_loop() => Verify.VerifyAsync(Usings + """
        class Cleanup
        {
            void Remove(string path)
            {
                var retrycount = 5;
                {|#0:while|} (retrycount > 0 && File.Exists(path))
                {
                    try
                    {
                        File.Delete(path);
                    }
                    catch
                    {
                        Thread.Sleep(500);
                    }

                    retrycount--;
                }
            }
        }
        """,
        Verify.Diagnostic("GR1001").WithLocation(0).WithArguments("catching any exception", "attempts limited by 'retrycount > 0', fixed delay 500", ""));

    [Test]
    public Task Waiting_on_one_file_while_uploading_another_is_not_a_retry() => Verify.VerifyAsync(Usings + """
        class Spooler
        {
            void Drain(string lockPath, string spoolPath)
            {
                while (File.Exists(lockPath))
                {
                    try
                    {
                        Upload(spoolPath);
                    }
                    catch (IOException)
                    {
                        Thread.Sleep(500);
                    }
                }
            }

            void Upload(string path) { }
        }
        """);

    [Test]
    public Task A_try_whose_every_path_leaves_the_loop_is_left_on_success() => Verify.VerifyAsync(Usings + """
        class PackagesConfig
        {
            private readonly object _configLock = new();

            string? Read(string fullPath, int maxTries)
            {
                {|#0:for|} (var i = 0; i < maxTries; i++)
                {
                    try
                    {
                        lock (_configLock)
                        {
                            if (File.Exists(fullPath))
                            {
                                using (var reader = new StreamReader(fullPath))
                                {
                                    return reader.ReadToEnd();
                                }
                            }
                            else
                            {
                                break;
                            }
                        }
                    }
                    catch (Exception ex) when (i < maxTries - 1 && ex is IOException)
                    {
                        Thread.Sleep(100);
                    }
                }

                return null;
            }
        }
        """,
        Verify.Diagnostic("GR1001").WithLocation(0).WithArguments("catching any exception", "attempts limited by 'i < maxTries', fixed delay 100", ""));

    [Test]
    public Task A_try_that_goes_round_again_when_the_file_is_missing_is_not_left_on_success() => Verify.VerifyAsync(Usings + """
        class Watcher
        {
            void Watch(string fullPath, int rounds)
            {
                for (var i = 0; i < rounds; i++)
                {
                    try
                    {
                        if (File.Exists(fullPath))
                        {
                            Console.WriteLine(File.ReadAllText(fullPath));
                        }
                        else
                        {
                            Console.WriteLine("missing");
                        }
                    }
                    catch (IOException)
                    {
                        Thread.Sleep(100);
                    }
                }
            }
        }
        """);

    [Test]
    public Task An_error_flag_set_by_the_upload_and_tested_by_the_loop_is_a_tight_retry() => Verify.VerifyAsync(Usings + """
        class WorkerTask
        {
            void Run(Stream data, string fileName, int maxRetries)
            {
                bool isError = DoUpload(data, fileName);
                {|#0:for|} (int retry = 1; isError && retry <= maxRetries; retry++)
                {
                    isError = DoUpload(data, fileName, retry);
                }
            }

            bool DoUpload(Stream data, string fileName, int retry = 0) => data.Length == 0;
        }
        """,
        Verify.Diagnostic("GR1002").WithLocation(0).WithArguments("'DoUpload' reports an error (isError)", "attempts limited by 'retry <= maxRetries', no delay between attempts", ""));

    [Test]
    public Task A_send_that_retries_on_exceptions_and_then_tests_the_status_is_a_retry_loop() => Verify.VerifyAsync(Usings + """
        class RestService
        {
            async Task<HttpResponseMessage?> SendRequest(HttpClient client, Func<HttpRequestMessage> createRequest, int maxRetries)
            {
                HttpResponseMessage? response = null;
                {|#0:for|} (int i = 0; i < maxRetries; i++)
                {
                    try
                    {
                        using var request = createRequest();
                        response = await client.SendAsync(request).ConfigureAwait(false);
                    }
                    catch (HttpRequestException) when (i < maxRetries - 1)
                    {
                        await Task.Delay(100 * (1 << i)).ConfigureAwait(false);
                        continue;
                    }

                    if (IsSuccess((int)response.StatusCode) || !IsRetriable((int)response.StatusCode))
                    {
                        return response;
                    }

                    await Task.Delay(100 * (1 << i)).ConfigureAwait(false);
                }

                return response;
            }

            static bool IsSuccess(int status) => status >= 200 && status < 300;

            static bool IsRetriable(int status) => status is 408 or 429 or >= 500;
        }
        """,
        Verify.Diagnostic("GR1001").WithLocation(0).WithArguments(
            "catching HttpRequestException",
            "attempts limited by 'i < maxRetries', exponential backoff 100 * (1 << i)",
            " or, for HttpClient, AddStandardResilienceHandler() from Microsoft.Extensions.Http.Resilience"));

    [Test]
    public Task A_reader_that_skips_bad_lines_and_stops_at_the_end_is_not_a_retry() => Verify.VerifyAsync(Usings + """
        class LineReader
        {
            void ReadAll(TextReader reader, List<string> lines)
            {
                while (true)
                {
                    string? line;
                    try
                    {
                        line = reader.ReadLine();
                    }
                    catch (IOException)
                    {
                        Thread.Sleep(10);
                        continue;
                    }

                    if (line == null)
                    {
                        break;
                    }

                    lines.Add(line);
                }
            }
        }
        """);

    [Test]
    public Task An_engine_whose_own_decision_returns_the_delay_is_not_told_to_use_Polly() => Verify.VerifyAsync(Usings + """
        static class TransactionExecutor
        {
            public static TResult ExecuteWithRetries<TResult>(Func<TResult> callback, Random random)
            {
                var attempt = 0;
                while (true)
                {
                    attempt++;
                    try
                    {
                        return callback();
                    }
                    catch (Exception ex)
                    {
                        if (!ShouldRetryTransaction(ex, random, attempt, out var delay))
                        {
                            throw;
                        }

                        Thread.Sleep(delay);
                    }
                }
            }

            static bool ShouldRetryTransaction(Exception ex, Random random, int attempt, out TimeSpan delay)
            {
                delay = TimeSpan.FromMilliseconds(random.Next(5 << attempt));
                return ex is TimeoutException && attempt < 10;
            }
        }
        """);

    [Test]
    public Task A_retry_asking_a_transient_check_without_a_delay_out_of_it_is_still_reported_though_its_limit_is_out_of_sight() => Verify.VerifyAsync(Usings + """
        static class Saver
        {
            public static void Save(Action save)
            {
                var attempt = 0;
                {|#0:while|} (true)
                {
                    attempt++;
                    try
                    {
                        save();
                        return;
                    }
                    catch (IOException ex)
                    {
                        if (!ShouldRetry(ex, attempt))
                        {
                            throw;
                        }

                        Thread.Sleep(200);
                    }
                }
            }

            static bool ShouldRetry(Exception ex, int attempt) => attempt < 3;
        }
        """,
        Verify.Diagnostic("GR1001").WithLocation(0).WithArguments("catching IOException", "no attempt limit, fixed delay 200", ""));
}
