using System.Threading.Tasks;
using Verify = Guardrails.Analyzers.Tests.Infrastructure.CodeFixVerifier<
    Guardrails.Analyzers.Retries.RetryLoopAnalyzer,
    Guardrails.Analyzers.CodeFixes.Retries.RetryLoopToPollyCodeFixProvider>;

namespace Guardrails.Analyzers.Tests.Retries;

[TestFixture]
public sealed class RetryLoopToPollyCodeFixTests
{
    [Test]
    public Task A_sync_loop_with_a_fixed_delay_and_a_give_up_filter_becomes_a_constant_backoff_pipeline() => Verify.VerifyAsync("""
        using System;
        using System.IO;
        using System.Threading;

        class C
        {
            void Save(string path)
            {
                {|GR1001:for|} (var attempt = 0; attempt < 3; attempt++)
                {
                    try
                    {
                        File.WriteAllText(path, "x");
                        break;
                    }
                    catch (IOException) when (attempt < 2)
                    {
                        Thread.Sleep(500);
                    }
                }

                Console.WriteLine("saved");
            }
        }
        """, """
        using System;
        using System.IO;
        using System.Threading;
        using Polly;
        using Polly.Retry;

        class C
        {
            void Save(string path)
            {
                var pipeline = new ResiliencePipelineBuilder()
                    .AddRetry(new RetryStrategyOptions
                    {
                        ShouldHandle = new PredicateBuilder().Handle<IOException>(),
                        MaxRetryAttempts = 2,
                        Delay = TimeSpan.FromMilliseconds(500),
                        BackoffType = DelayBackoffType.Constant,
                    })
                    .Build();
                pipeline.Execute(() =>
                {
                    File.WriteAllText(path, "x");
                });

                Console.WriteLine("saved");
            }
        }
        """);

    [Test]
    public Task An_async_http_call_with_math_pow_backoff_keeps_attempts_first_delay_exceptions_and_token() => Verify.VerifyAsync("""
        using System;
        using System.Net.Http;
        using System.Threading;
        using System.Threading.Tasks;

        class C
        {
            async Task<string> GetAsync(HttpClient client, string url, CancellationToken cancellationToken)
            {
                {|GR1001:for|} (var attempt = 1; attempt <= 4; attempt++)
                {
                    try
                    {
                        return await client.GetStringAsync(url, cancellationToken);
                    }
                    catch (HttpRequestException) when (attempt < 4)
                    {
                        await Task.Delay((int)Math.Pow(2, attempt) * 100, cancellationToken);
                    }
                }

                throw new InvalidOperationException("unreachable");
            }
        }
        """, """
        using System;
        using System.Net.Http;
        using System.Threading;
        using System.Threading.Tasks;
        using Polly;
        using Polly.Retry;

        class C
        {
            async Task<string> GetAsync(HttpClient client, string url, CancellationToken cancellationToken)
            {
                var pipeline = new ResiliencePipelineBuilder()
                    .AddRetry(new RetryStrategyOptions
                    {
                        ShouldHandle = new PredicateBuilder().Handle<HttpRequestException>(),
                        MaxRetryAttempts = 3,
                        Delay = TimeSpan.FromMilliseconds(200),
                        BackoffType = DelayBackoffType.Exponential,
                    })
                    .Build();
                return await pipeline.ExecuteAsync(async token => await client.GetStringAsync(url, token), cancellationToken);
            }
        }
        """);

    [Test]
    public Task A_doubling_delay_variable_and_a_throw_after_the_loop_are_kept_as_exponential_backoff_and_the_same_exception() => Verify.VerifyAsync("""
        using System;
        using System.IO;
        using System.Threading;
        using System.Threading.Tasks;

        class C
        {
            async Task SendAsync(Func<CancellationToken, Task> send, CancellationToken cancellationToken)
            {
                var delay = TimeSpan.FromSeconds(1);
                {|GR1001:for|} (var attempt = 0; attempt < 5; attempt++)
                {
                    try
                    {
                        await send(cancellationToken).ConfigureAwait(false);
                        return;
                    }
                    catch (IOException)
                    {
                        await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
                        delay *= 2;
                    }
                }

                throw new TimeoutException("gave up after 5 attempts");
            }
        }
        """, """
        using System;
        using System.IO;
        using System.Threading;
        using System.Threading.Tasks;
        using Polly;
        using Polly.Retry;

        class C
        {
            async Task SendAsync(Func<CancellationToken, Task> send, CancellationToken cancellationToken)
            {
                var pipeline = new ResiliencePipelineBuilder()
                    .AddRetry(new RetryStrategyOptions
                    {
                        ShouldHandle = new PredicateBuilder().Handle<IOException>(),
                        MaxRetryAttempts = 4,
                        Delay = TimeSpan.FromSeconds(1),
                        BackoffType = DelayBackoffType.Exponential,
                    })
                    .Build();
                try
                {
                    await pipeline.ExecuteAsync(async token =>
                    {
                        await send(token).ConfigureAwait(false);
                    }, cancellationToken).ConfigureAwait(false);
                }
                catch (IOException)
                {
                    throw new TimeoutException("gave up after 5 attempts");
                }
            }
        }
        """);

    [Test]
    public Task A_tight_retry_with_a_rethrow_guard_and_two_exception_types_becomes_a_pipeline_without_delay() => Verify.VerifyAsync("""
        using System;
        using System.IO;

        class C
        {
            int Read(Func<int> read)
            {
                {|GR1002:for|} (var attempt = 1; ; attempt++)
                {
                    try
                    {
                        var value = read();
                        return value * 2;
                    }
                    catch (TimeoutException)
                    {
                        if (attempt >= 3)
                        {
                            throw;
                        }
                    }
                    catch (IOException)
                    {
                        if (attempt >= 3)
                        {
                            throw;
                        }
                    }
                }
            }
        }
        """, """
        using System;
        using System.IO;
        using Polly;
        using Polly.Retry;

        class C
        {
            int Read(Func<int> read)
            {
                var pipeline = new ResiliencePipelineBuilder()
                    .AddRetry(new RetryStrategyOptions
                    {
                        ShouldHandle = new PredicateBuilder().Handle<TimeoutException>().Handle<IOException>(),
                        MaxRetryAttempts = 2,
                        Delay = TimeSpan.Zero,
                        BackoffType = DelayBackoffType.Constant,
                    })
                    .Build();
                return pipeline.Execute(() =>
                {
                    var value = read();
                    return value * 2;
                });
            }
        }
        """);

    [Test]
    public Task Linear_backoff_from_attempt_one_becomes_a_linear_pipeline() => Verify.VerifyAsync("""
        using System;
        using System.IO;
        using System.Threading;

        class C
        {
            void Flush(Action flush)
            {
                {|GR1001:for|} (var attempt = 1; attempt <= 3; attempt++)
                {
                    try
                    {
                        flush();
                        return;
                    }
                    catch (IOException) when (attempt < 3)
                    {
                        Thread.Sleep(250 * attempt);
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

        class C
        {
            void Flush(Action flush)
            {
                var pipeline = new ResiliencePipelineBuilder()
                    .AddRetry(new RetryStrategyOptions
                    {
                        ShouldHandle = new PredicateBuilder().Handle<IOException>(),
                        MaxRetryAttempts = 2,
                        Delay = TimeSpan.FromMilliseconds(250),
                        BackoffType = DelayBackoffType.Linear,
                    })
                    .Build();
                pipeline.Execute(() =>
                {
                    flush();
                });
            }
        }
        """);

    [Test]
    public Task A_while_loop_counting_attempts_in_its_catch_filter_becomes_a_pipeline_and_loses_the_counter() => Verify.VerifyAsync("""
        using System;
        using System.Net.Http;
        using System.Threading;
        using System.Threading.Tasks;

        sealed class OrderClient
        {
            private readonly HttpClient _http = new();

            async Task<string> GetOrderAsync(string id, CancellationToken cancellationToken)
            {
                var attempt = 0;
                {|GR1001:while|} (true)
                {
                    try
                    {
                        return await _http.GetStringAsync(new Uri("https://orders.example/" + id), cancellationToken);
                    }
                    catch (HttpRequestException) when (attempt < 3)
                    {
                        attempt++;
                        await Task.Delay(TimeSpan.FromSeconds(Math.Pow(2, attempt)), cancellationToken);
                    }
                }
            }
        }
        """, """
        using System;
        using System.Net.Http;
        using System.Threading;
        using System.Threading.Tasks;
        using Polly;
        using Polly.Retry;

        sealed class OrderClient
        {
            private readonly HttpClient _http = new();

            async Task<string> GetOrderAsync(string id, CancellationToken cancellationToken)
            {
                var pipeline = new ResiliencePipelineBuilder()
                    .AddRetry(new RetryStrategyOptions
                    {
                        ShouldHandle = new PredicateBuilder().Handle<HttpRequestException>(),
                        MaxRetryAttempts = 3,
                        Delay = TimeSpan.FromSeconds(2),
                        BackoffType = DelayBackoffType.Exponential,
                    })
                    .Build();
                return await pipeline.ExecuteAsync(async token => await _http.GetStringAsync(new Uri("https://orders.example/" + id), token), cancellationToken);
            }
        }
        """);

    [Test]
    public Task A_while_loop_that_gives_up_after_a_prefix_increment_keeps_the_number_of_attempts() => Verify.VerifyAsync("""
        using System.IO;
        using System.Threading;

        class C
        {
            void Write(string path)
            {
                var attempts = 0;
                {|GR1001:while|} (true)
                {
                    try
                    {
                        File.WriteAllText(path, "x");
                        break;
                    }
                    catch (IOException)
                    {
                        if (++attempts >= 3)
                        {
                            throw;
                        }

                        Thread.Sleep(200);
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

        class C
        {
            void Write(string path)
            {
                var pipeline = new ResiliencePipelineBuilder()
                    .AddRetry(new RetryStrategyOptions
                    {
                        ShouldHandle = new PredicateBuilder().Handle<IOException>(),
                        MaxRetryAttempts = 2,
                        Delay = TimeSpan.FromMilliseconds(200),
                        BackoffType = DelayBackoffType.Constant,
                    })
                    .Build();
                pipeline.Execute(() =>
                {
                    File.WriteAllText(path, "x");
                });
            }
        }
        """);

    [Test]
    public Task No_fix_for_a_linear_backoff_whose_first_wait_is_not_one_step() => Verify.VerifyNoFixAsync("""
        using System.IO;
        using System.Threading;

        class C
        {
            void Save(string path)
            {
                // 200 ms, 300 ms, 400 ms: Polly's linear backoff would wait 200 ms, 400 ms, 600 ms.
                {|GR1001:for|} (var attempt = 0; attempt < 4; attempt++)
                {
                    try { File.WriteAllText(path, "x"); break; }
                    catch (IOException) when (attempt < 3) { Thread.Sleep(100 * (attempt + 2)); }
                }
            }
        }
        """);

    [Test]
    public Task No_fix_for_a_while_loop_whose_counter_is_used_after_it() => Verify.VerifyNoFixAsync("""
        using System;
        using System.IO;
        using System.Threading;

        class C
        {
            int Write(string path)
            {
                var attempts = 0;
                {|GR1001:while|} (true)
                {
                    try
                    {
                        File.WriteAllText(path, "x");
                        break;
                    }
                    catch (IOException)
                    {
                        if (++attempts >= 3)
                        {
                            throw;
                        }

                        Thread.Sleep(200);
                    }
                }

                return attempts;
            }
        }
        """);

    [Test]
    public Task No_fix_without_polly_referenced() => Verify.VerifyNoFixAsync("""
        using System.IO;
        using System.Threading;

        class C
        {
            void Save(string path)
            {
                {|GR1001:for|} (var attempt = 0; attempt < 3; attempt++)
                {
                    try { File.WriteAllText(path, "x"); break; }
                    catch (IOException) when (attempt < 2) { Thread.Sleep(500); }
                }
            }
        }
        """, referencePolly: false);

    [Test]
    public Task No_fix_for_a_loop_that_is_not_in_a_block() => Verify.VerifyNoFixAsync("""
        using System.IO;
        using System.Threading;

        class C
        {
            void Save(string path, bool enabled)
            {
                if (enabled)
                    {|GR1001:for|} (var attempt = 0; attempt < 3; attempt++)
                    {
                        try { File.WriteAllText(path, "x"); break; }
                        catch (IOException) when (attempt < 2) { Thread.Sleep(500); }
                    }
            }
        }
        """);

    [Test]
    public Task No_fix_when_the_last_failure_is_swallowed() => Verify.VerifyNoFixAsync("""
        using System.IO;
        using System.Threading;

        class C
        {
            void Save(string path)
            {
                {|GR1001:for|} (var attempt = 0; attempt < 3; attempt++)
                {
                    try { File.WriteAllText(path, "x"); break; }
                    catch (IOException) { Thread.Sleep(500); }
                }
            }
        }
        """);

    [Test]
    public Task No_fix_when_the_catch_does_more_than_wait() => Verify.VerifyNoFixAsync("""
        using System;
        using System.IO;
        using System.Threading;

        class C
        {
            void Save(string path)
            {
                {|GR1001:for|} (var attempt = 0; attempt < 3; attempt++)
                {
                    try { File.WriteAllText(path, "x"); break; }
                    catch (IOException exception) when (attempt < 2)
                    {
                        Console.WriteLine(exception.Message);
                        Thread.Sleep(500);
                    }
                }
            }
        }
        """);

    [Test]
    public Task No_fix_when_the_delay_has_home_made_jitter() => Verify.VerifyNoFixAsync("""
        using System;
        using System.IO;
        using System.Threading;

        class C
        {
            private readonly Random _random = new();

            void Save(string path)
            {
                {|GR1001:for|} (var attempt = 0; attempt < 3; attempt++)
                {
                    try { File.WriteAllText(path, "x"); break; }
                    catch (IOException) when (attempt < 2) { Thread.Sleep(500 + _random.Next(100)); }
                }
            }
        }
        """);

    [Test]
    public Task No_fix_when_the_operation_reads_the_attempt_counter() => Verify.VerifyNoFixAsync("""
        using System;
        using System.IO;
        using System.Threading;

        class C
        {
            void Save(string path)
            {
                {|GR1001:for|} (var attempt = 0; attempt < 3; attempt++)
                {
                    try
                    {
                        if (attempt > 0) { Console.WriteLine("again"); }
                        File.WriteAllText(path, "x");
                        break;
                    }
                    catch (IOException) when (attempt < 2) { Thread.Sleep(500); }
                }
            }
        }
        """);
}
