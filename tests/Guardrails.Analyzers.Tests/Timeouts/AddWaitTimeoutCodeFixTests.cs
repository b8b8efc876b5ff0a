using System.Threading.Tasks;
using Guardrails.Analyzers.CodeFixes.Timeouts;
using Guardrails.Analyzers.Tests.Infrastructure;
using Guardrails.Analyzers.Timeouts;

namespace Guardrails.Analyzers.Tests.Timeouts;

public sealed class AddWaitTimeoutCodeFixTests
{
    private static Task VerifyAsync(string source, string fixedSource, string? editorConfig = null)
        => CodeFixVerifier<UnboundedWaitAnalyzer, AddWaitTimeoutCodeFix>.VerifyAsync(source, fixedSource, editorConfig: editorConfig);

    [Test]
    public Task A_wait_gets_a_named_timeout_and_throws_when_it_runs_out()
        => VerifyAsync(
            """
            using System;
            using System.Threading;

            class Worker
            {
                void Run(ManualResetEvent signal)
                {
                    signal.{|GR2001:WaitOne|}();
                    Console.WriteLine("signalled");
                }
            }
            """,
            """
            using System;
            using System.Threading;

            class Worker
            {
                private static readonly TimeSpan WaitTimeout = TimeSpan.FromSeconds(30);

                void Run(ManualResetEvent signal)
                {
                    if (!signal.WaitOne(WaitTimeout))
                    {
                        throw new TimeoutException("signal.WaitOne did not finish in time.");
                    }
                    Console.WriteLine("signalled");
                }
            }
            """);

    [Test]
    public Task An_awaited_semaphore_wait_uses_the_configured_default_and_an_existing_field()
        => VerifyAsync(
            """
            using System;
            using System.Threading;
            using System.Threading.Tasks;

            class Worker
            {
                private static readonly TimeSpan WaitTimeout = TimeSpan.FromSeconds(5);

                async Task RunAsync(SemaphoreSlim gate)
                {
                    await gate.{|GR2001:WaitAsync|}();
                    gate.Release();
                }
            }
            """,
            """
            using System;
            using System.Threading;
            using System.Threading.Tasks;

            class Worker
            {
                private static readonly TimeSpan WaitTimeout = TimeSpan.FromSeconds(5);

                async Task RunAsync(SemaphoreSlim gate)
                {
                    if (!await gate.WaitAsync(WaitTimeout))
                    {
                        throw new TimeoutException("gate.WaitAsync did not finish in time.");
                    }
                    gate.Release();
                }
            }
            """);

    [Test]
    public Task A_wait_awaited_through_ConfigureAwait_keeps_it()
        => VerifyAsync(
            """
            using System;
            using System.Threading;
            using System.Threading.Tasks;

            class Worker
            {
                private static readonly TimeSpan WaitTimeout = TimeSpan.FromSeconds(5);

                async Task RunAsync(SemaphoreSlim gate)
                {
                    await gate.{|GR2001:WaitAsync|}().ConfigureAwait(false);
                    gate.Release();
                }
            }
            """,
            """
            using System;
            using System.Threading;
            using System.Threading.Tasks;

            class Worker
            {
                private static readonly TimeSpan WaitTimeout = TimeSpan.FromSeconds(5);

                async Task RunAsync(SemaphoreSlim gate)
                {
                    if (!await gate.WaitAsync(WaitTimeout).ConfigureAwait(false))
                    {
                        throw new TimeoutException("gate.WaitAsync did not finish in time.");
                    }
                    gate.Release();
                }
            }
            """);

    [Test]
    public Task The_editorconfig_default_sets_the_new_field()
        => VerifyAsync(
            """
            using System.Threading;

            class Worker
            {
                void Run(Thread thread) => thread.{|GR2001:Join|}();

                void Stop(Thread thread)
                {
                    thread.{|GR2001:Join|}();
                }
            }
            """,
            """
            using System.Threading;

            class Worker
            {
                private static readonly System.TimeSpan WaitTimeout = System.TimeSpan.FromMinutes(2);

                void Run(Thread thread) => thread.{|GR2001:Join|}();

                void Stop(Thread thread)
                {
                    if (!thread.Join(WaitTimeout))
                    {
                        throw new System.TimeoutException("thread.Join did not finish in time.");
                    }
                }
            }
            """,
            "guardrails.default_timeout = 00:02:00");

    [Test]
    public Task A_wait_whose_result_is_used_or_with_no_timed_overload_is_not_fixed()
        => VerifyAsync(
            """
            using System.Collections.Concurrent;
            using System.Threading;

            class Worker
            {
                bool Run(ManualResetEvent signal) => signal.{|GR2001:WaitOne|}();

                void Drain(BlockingCollection<int> queue)
                {
                    queue.{|GR2001:Take|}();
                }
            }
            """,
            """
            using System.Collections.Concurrent;
            using System.Threading;

            class Worker
            {
                bool Run(ManualResetEvent signal) => signal.{|GR2001:WaitOne|}();

                void Drain(BlockingCollection<int> queue)
                {
                    queue.{|GR2001:Take|}();
                }
            }
            """);

    [Test]
    public Task Fix_all_adds_the_shared_field_once_per_type_across_documents()
        => CodeFixVerifier<UnboundedWaitAnalyzer, AddWaitTimeoutCodeFix>.VerifyFixAllAsync(
            [
                """
                using System;
                using System.Threading;

                class Ingest
                {
                    void Run(ManualResetEvent started, SemaphoreSlim gate)
                    {
                        started.{|GR2001:WaitOne|}();
                        gate.{|GR2001:Wait|}();
                        gate.Release();
                    }
                }
                """,
                """
                using System;
                using System.Threading;

                class Export
                {
                    void Run(ManualResetEventSlim ready) => Wait(ready);

                    static void Wait(ManualResetEventSlim ready)
                    {
                        ready.{|GR2001:Wait|}();
                    }
                }
                """,
            ],
            [
                """
                using System;
                using System.Threading;

                class Ingest
                {
                    private static readonly TimeSpan WaitTimeout = TimeSpan.FromSeconds(30);

                    void Run(ManualResetEvent started, SemaphoreSlim gate)
                    {
                        if (!started.WaitOne(WaitTimeout))
                        {
                            throw new TimeoutException("started.WaitOne did not finish in time.");
                        }
                        if (!gate.Wait(WaitTimeout))
                        {
                            throw new TimeoutException("gate.Wait did not finish in time.");
                        }
                        gate.Release();
                    }
                }
                """,
                """
                using System;
                using System.Threading;

                class Export
                {
                    private static readonly TimeSpan WaitTimeout = TimeSpan.FromSeconds(30);

                    void Run(ManualResetEventSlim ready) => Wait(ready);

                    static void Wait(ManualResetEventSlim ready)
                    {
                        if (!ready.Wait(WaitTimeout))
                        {
                            throw new TimeoutException("ready.Wait did not finish in time.");
                        }
                    }
                }
                """,
            ]);
}
